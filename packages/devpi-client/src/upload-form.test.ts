import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { docUploadForm, fileKind, fileUploadForm, registerForm } from './upload-form.js';

function fields(form: FormData): [string, string][] {
  return [...form.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : `<file ${value.name} ${value.type} ${value.size}>`]);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fileKind', () => {
  it.each([
    ['acme_hello-0.1.0-py3-none-any.whl', 'bdist_wheel', 'py3'],
    ['numpy-2.0.0-1-cp312-cp312-manylinux_2_17_x86_64.whl', 'bdist_wheel', 'cp312'],
    ['acme-hello-0.1.0.tar.gz', 'sdist', 'source'],
    ['acme_hello-0.1.0.zip', 'sdist', 'source'],
  ])('%s is %s / %s', (filename, filetype, pyversion) => {
    expect(fileKind(filename)).toEqual({ filetype, pyversion });
  });

  it.each(['acme.exe', 'broken.whl'])('refuses %s rather than guessing', (filename) => {
    expect(() => fileKind(filename)).toThrow(TypeError);
  });
});

describe('fileUploadForm', () => {
  it('sends list metadata as repeated fields in twine order, the file last', async () => {
    const form = await fileUploadForm({
      filename: 'demo-1.0-py3-none-any.whl',
      content: new TextEncoder().encode('wheel'),
      name: 'demo',
      version: '1.0',
      metadata: {
        metadata_version: '2.4',
        summary: 'Demo',
        description: '# Demo\n\nLong text',
        description_content_type: 'text/markdown',
        home_page: 'https://example.invalid',
        author: 'A',
        license: 'MIT',
        classifiers: ['Programming Language :: Python :: 3', 'License :: OSI Approved :: MIT License'],
        requires_dist: ['requests>=2', 'click; extra == "cli"'],
        requires_python: '>=3.9',
      },
    });
    expect(fields(form)).toEqual([
      [':action', 'file_upload'], ['protocol_version', '1'], ['metadata_version', '2.4'], ['name', 'demo'], ['version', '1.0'],
      ['summary', 'Demo'], ['description', '# Demo\n\nLong text'], ['description_content_type', 'text/markdown'], ['home_page', 'https://example.invalid'],
      ['author', 'A'], ['license', 'MIT'],
      ['classifiers', 'Programming Language :: Python :: 3'], ['classifiers', 'License :: OSI Approved :: MIT License'],
      ['requires_dist', 'requests>=2'], ['requires_dist', 'click; extra == "cli"'], ['requires_python', '>=3.9'],
      ['filetype', 'bdist_wheel'], ['pyversion', 'py3'],
      ['sha256_digest', createHash('sha256').update('wheel').digest('hex')],
      ['content', '<file demo-1.0-py3-none-any.whl application/octet-stream 5>'],
    ]);
  });

  it('takes an explicit filetype, pyversion and digest, and a File from a browser input', async () => {
    const file = new File(['egg'], 'demo-1.0-py3.12.egg', { type: 'application/octet-stream' });
    const form = await fileUploadForm({ filename: file.name, content: file, name: 'demo', version: '1.0', filetype: 'bdist_egg', pyversion: '3.12', sha256: 'abc' });
    expect(fields(form).slice(5)).toEqual([['filetype', 'bdist_egg'], ['pyversion', '3.12'], ['sha256_digest', 'abc'], ['content', '<file demo-1.0-py3.12.egg application/octet-stream 3>']]);
  });

  it('leaves the digest out where Web Crypto is missing (plain-http browser pages)', async () => {
    vi.stubGlobal('crypto', undefined);
    const form = await fileUploadForm({ filename: 'demo-1.0.tar.gz', content: new ArrayBuffer(3), name: 'demo', version: '1.0' });
    expect(form.has('sha256_digest')).toBe(false);
    expect(form.get('pyversion')).toBe('source');
  });
});

describe('docUploadForm and registerForm', () => {
  it('names the doc zip as devpi-client does', () => {
    expect(fields(docUploadForm({ name: 'demo', version: '1.0', content: new Uint8Array([1, 2]) }))).toEqual([
      [':action', 'doc_upload'], ['name', 'demo'], ['version', '1.0'], ['content', '<file demo-1.0.doc.zip application/zip 2>'],
    ]);
  });

  it('registers without protocol_version or file', () => {
    expect(fields(registerForm({ name: 'demo', version: '1.0', metadata: { summary: 'Demo' } }))).toEqual([
      [':action', 'submit'], ['metadata_version', '2.1'], ['name', 'demo'], ['version', '1.0'], ['summary', 'Demo'],
    ]);
  });
});
