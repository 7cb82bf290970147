import { describe, expect, it } from 'vitest';
import { expectRecordedError } from './test-support/expect-error.js';
import { loadTranscript, replay } from './test-support/transcripts.js';
import { parseFileHref } from './url.js';

const WHEEL = '+f/d23/44d1e98b20715/acme_hello-0.1.0-py3-none-any.whl';
const WHEEL_SHA = 'd2344d1e98b20715d73d83317c4a1307eab9585c9e543bb68e50329e2337f51a';

describe('projects and versions', () => {
  it('reads a project with its versions and links (transcript 107)', async () => {
    const { client, verify } = replay(107);
    const project = await client.getProject('root', 'acme', 'acme-hello');
    verify();
    expect(Object.keys(project ?? {})).toEqual(['0.1.0']);
    expect(project?.['0.1.0']?.['+links']?.map((link) => link.rel)).toEqual(['releasefile', 'releasefile', 'doczip']);
  });

  it('normalises the project name instead of following devpi redirect (transcript 107 for Acme_Hello)', async () => {
    const { client, verify } = replay(107);
    expect(await client.getProject('root', 'acme', 'Acme_Hello')).toHaveProperty('0.1.0');
    verify();
  });

  it('includes or ignores bases (transcripts 108, 109)', async () => {
    const { client, verify } = replay(108, 109);
    const inherited = await client.getProject('alice', 'dev', 'acme-hello');
    const own = await client.getProject('alice', 'dev', 'acme-hello', { ignoreBases: true });
    verify();
    expect(Object.keys(inherited ?? {}).length).toBeGreaterThanOrEqual(Object.keys(own ?? {}).length);
  });

  it('reads mirror versions, which carry little metadata (transcript 136)', async () => {
    const { client, verify } = replay(136);
    const project = await client.getProject('root', 'acme-mirror', 'acme-hello');
    verify();
    expect(project?.['0.1.0']).toMatchObject({ name: 'acme-hello', requires_python: '>=3.7' });
    expect(project?.['0.1.0']?.summary).toBeUndefined();
  });

  it('reads a version with hashes and the upload log (transcripts 110, 185)', async () => {
    const { client, verify } = replay(110, 185);
    for (let i = 0; i < 2; i += 1) {
      const version = await client.getVersion('root', 'acme', 'acme-hello', '0.1.0');
      expect(version).toMatchObject({ name: 'acme-hello', version: '0.1.0', license: 'MIT', requires_dist: [] });
      const wheel = version?.['+links']?.[0];
      expect(wheel?.hashes).toEqual({ sha256: WHEEL_SHA });
      expect(wheel?.log).toEqual([{ what: 'upload', who: 'alice', when: [2026, 11, 24, 8, 27, 20], dst: 'root/acme' }]);
      expect(parseFileHref(wheel?.href ?? '')).toEqual({ user: 'root', index: 'acme', path: WHEEL });
    }
    verify();
  });

  it.each([
    [112, 'acme', 'nosuch-project'],
    [141, 'pypi', 'requests'],
  ])('transcript %i: getProject gives undefined when missing', async (id, index, project) => {
    const { client, verify } = replay(id);
    expect(await client.getProject('root', index, project)).toBeUndefined();
    verify();
  });

  it('getVersion gives undefined when missing (transcript 113)', async () => {
    const { client, verify } = replay(113);
    expect(await client.getVersion('root', 'acme', 'acme-hello', '9.9')).toBeUndefined();
    verify();
  });
});

describe('files', () => {
  it('reads release file metadata (transcript 129)', async () => {
    const { client, verify } = replay(129);
    expect(await client.getFileMeta('root', 'acme', WHEEL)).toEqual({
      last_modified: 'Tue, 24 Nov 2026 08:27:20 GMT', hash_spec: `sha256=${WHEEL_SHA}`, hashes: { sha256: WHEEL_SHA }, project: 'acme-hello', version: '0.1.0',
    });
    verify();
  });

  it('downloads the exact bytes (transcripts 128, 137)', async () => {
    const { client, verify } = replay(128, 137);
    for (const index of ['acme', 'acme-mirror']) {
      const bytes = await client.downloadFile('root', index, WHEEL);
      const digest = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
      expect({ size: bytes.length, digest }).toEqual({ size: 1350, digest: WHEEL_SHA });
    }
    verify();
  });

  it('a missing file is a 404 DevpiError (transcript 130)', async () => {
    const { client, verify } = replay(130);
    const error = await expectRecordedError(client.downloadFile('root', 'acme', '+f/000/0000000000000/nosuch-0.1.tar.gz'), loadTranscript(130));
    expect(error.message).toBe('Not Found');
    verify();
  });
});

describe('simple pages', () => {
  it('reads the PEP 691 project list (transcript 117)', async () => {
    const { client, verify } = replay(117);
    expect(await client.simpleIndex('root', 'acme')).toEqual({ meta: { 'api-version': '1.0' }, projects: [{ name: 'acme-hello' }] });
    verify();
  });

  it.each([
    [120, 'acme'],
    [135, 'acme-mirror'],
  ])('transcript %i: reads a PEP 691 project page with relative file URLs', async (id, index) => {
    const { client, verify } = replay(id);
    const page = await client.simpleProject('root', index, 'acme-hello');
    verify();
    expect(page?.files[0]).toEqual({ filename: 'acme_hello-0.1.0-py3-none-any.whl', url: `../../${WHEEL}`, hashes: { sha256: WHEEL_SHA }, 'requires-python': '>=3.7' });
  });

  it('gives undefined for a missing project although devpi answers HTML (transcript 126)', async () => {
    const { client, verify } = replay(126);
    expect(await client.simpleProject('alice', 'dev', 'nosuch-project')).toBeUndefined();
    verify();
  });

  it.each([
    [116, 'acme', '<a href="acme-hello/">acme-hello</a>'],
    [133, 'acme-mirror', '<a href="acme-hello/">acme-hello</a>'],
  ])('transcript %i: returns the HTML project list', async (id, index, anchor) => {
    const { client, verify } = replay(id);
    expect(await client.simpleIndexHtml('root', index)).toContain(anchor);
    verify();
  });

  it.each([
    [119, 'root', 'acme'],
    [122, 'alice', 'dev'],
    [134, 'root', 'acme-mirror'],
  ])('transcript %i: returns the HTML project page with hashes', async (id, user, index) => {
    const { client, verify } = replay(id);
    expect(await client.simpleProjectHtml(user, index, 'acme-hello')).toMatch(/acme_hello-0\.\d\.0-py3-none-any\.whl#sha256=[0-9a-f]{64}"/);
    verify();
  });

  it.each([
    [125, 'alice', 'dev', 'nosuch-project'],
    [132, 'root', 'acme-mirror', 'acme-hello'],
    [140, 'root', 'pypi', 'requests'],
  ])('transcript %i: a missing HTML page is a 404 DevpiError', async (id, user, index, project) => {
    const { client, verify } = replay(id);
    await expectRecordedError(client.simpleProjectHtml(user, index, project), loadTranscript(id));
    verify();
  });

  it('refreshes a mirror project; the 302 back to the page is success (transcript 139)', async () => {
    const { client, verify } = replay(139);
    await expect(client.refreshMirrorProject('root', 'acme-mirror', 'acme-hello')).resolves.toBeUndefined();
    verify();
  });
});

describe('devpi-web search', () => {
  it('returns the HTML results page (transcript 181)', async () => {
    const { client, verify } = replay(181);
    expect(await client.searchHtml('acme')).toContain('acme-hello');
    verify();
  });
});
