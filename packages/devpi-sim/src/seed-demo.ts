// Demo data for `npm start`, seeded through the typed client, the way every other devpi user works.
import { DevpiClient, op } from '@devpi-dashboard/devpi-client';
import type { UploadMetadata } from '@devpi-dashboard/devpi-client';
import { zipSync, strToU8 } from 'fflate';
import { makeSdist, makeWheel } from './package-files.js';
import type { PackageFile, PackageSpec } from './package-files.js';

const MARKDOWN = `# {name}

A **demo** package served by the devpi double.

## Usage

\`\`\`python
import {module}
\`\`\`

- fast
- small
- see [the docs](https://example.invalid/{name})
`;

const REST = `{name}
==========

A demo package with a reStructuredText description.

Installation
------------

Use \`\`pip install {name}\`\`.
`;

function spec(name: string, version: string, summary: string, markdown: boolean, extra: Partial<PackageSpec> = {}): PackageSpec {
  const template = markdown ? MARKDOWN : REST;
  return {
    name, version, summary, author: 'Demo Author', authorEmail: 'demo@example.invalid', license: 'MIT',
    requiresPython: '>=3.8', homePage: `https://example.invalid/${name}`,
    description: template.replaceAll('{name}', name).replaceAll('{module}', name.replace(/-/g, '_')),
    descriptionContentType: markdown ? 'text/markdown' : 'text/x-rst',
    classifiers: ['Programming Language :: Python :: 3'], ...extra,
  };
}

function uploadMetadata(file: PackageFile): UploadMetadata {
  const m = file.metadata;
  const s = (k: string): string => (typeof m[k] === 'string' ? m[k] : '');
  const l = (k: string): string[] => (Array.isArray(m[k]) ? m[k] : []);
  return {
    metadata_version: '2.1', summary: s('summary'), description: s('description'), description_content_type: s('description_content_type'),
    author: s('author'), author_email: s('author_email'), license: s('license'), home_page: s('home_page'),
    requires_python: s('requires_python'), requires_dist: l('requires_dist'), classifiers: l('classifiers'),
  };
}

async function release(client: DevpiClient, user: string, index: string, s: PackageSpec, withSdist = true): Promise<void> {
  for (const file of withSdist ? [makeWheel(s), makeSdist(s)] : [makeWheel(s)]) {
    await client.upload(user, index, { filename: file.filename, content: new Uint8Array(file.content), name: file.name, version: file.version, metadata: uploadMetadata(file) });
  }
}

const UPSTREAM: PackageSpec[] = [
  spec('six', '1.16.0', 'Python 2 and 3 compatibility utilities', false),
  spec('six', '1.17.0', 'Python 2 and 3 compatibility utilities', false),
  spec('idna', '3.7', 'Internationalized Domain Names in Applications', true),
  spec('idna', '3.8', 'Internationalized Domain Names in Applications', true),
  spec('idna', '3.9rc1', 'Internationalized Domain Names in Applications', true),
  spec('requests', '2.31.0', 'Python HTTP for Humans.', true, { requiresDist: ['idna (>=2.5)', 'certifi (>=2017.4.17)'] }),
  spec('requests', '2.32.3', 'Python HTTP for Humans.', true, { requiresDist: ['idna (>=2.5)', 'certifi (>=2017.4.17)'] }),
  spec('certifi', '2024.8.30', 'Python package for providing Mozilla\'s CA Bundle.', false),
];

/**
 * Seed a fresh devpi (the double, or a real one) with demo data: users alice, bob and carol; an upstream
 * stage with several real packages that root/pypi mirrors; the company index root/acme
 * (bases=root/pypi, volatile=False) with releases, a pre-release and docs; and per-user indexes.
 */
export async function seedDemo(url: string, rootPassword: string): Promise<void> {
  const anon = new DevpiClient({ baseUrl: url });
  const rootLogin = await anon.login('root', rootPassword);
  const root = anon.withAuth('root', rootLogin.token);
  for (const [user, title] of [['alice', 'Alice Example'], ['bob', 'Bob Builder'], ['carol', 'Carol Reviewer'], ['upstream', 'Upstream packages']] as const) {
    await root.createUser(user, { password: `${user}-pw`, email: `${user}@example.invalid`, title });
  }
  const as = async (user: string): Promise<DevpiClient> => anon.withAuth(user, (await anon.login(user, `${user}-pw`)).token);

  const upstream = await as('upstream');
  await upstream.createIndex('upstream', 'pypi', { title: 'Seeded upstream (what root/pypi mirrors)', volatile: false });
  for (const s of UPSTREAM) await release(upstream, 'upstream', 'pypi', s);
  await root.patchIndex('root', 'pypi', [
    op.set('mirror_url', `${url}/upstream/pypi/+simple/`),
    op.set('mirror_web_url_fmt', `${url}/upstream/pypi/{name}`),
    op.set('title', 'PyPI (demo mirror of upstream/pypi)'),
  ]);

  await root.createIndex('root', 'acme', { bases: ['root/pypi'], volatile: false, title: 'ACME company index', description: 'Released company packages' });
  await root.patchIndex('root', 'acme', [op.set('acl_upload', ['alice', 'bob']), op.set('mirror_whitelist', ['requests', 'six'])]);
  const alice = await as('alice');
  await release(alice, 'root', 'acme', spec('acme-hello', '0.1.0', 'Say hello the ACME way', true));
  await release(alice, 'root', 'acme', spec('acme-hello', '0.2.0', 'Say hello the ACME way', true, { requiresDist: ['requests (>=2.31)'] }));
  await release(alice, 'root', 'acme', spec('acme-hello', '1.0.0b1', 'Say hello the ACME way', true), false);
  const bob = await as('bob');
  await release(bob, 'root', 'acme', spec('acme-utils', '1.0.0', 'Shared ACME helpers', false));
  await release(bob, 'root', 'acme', spec('acme-utils', '1.1.0', 'Shared ACME helpers', false));
  const docs = zipSync({ 'index.html': strToU8('<html><head><title>acme-hello docs</title></head><body><h1>acme-hello 0.2.0</h1><p>hello()</p></body></html>') });
  await alice.uploadDoc('root', 'acme', { name: 'acme-hello', version: '0.2.0', content: docs });

  await alice.createIndex('alice', 'dev', { bases: ['root/acme'], volatile: true, title: 'Alice development' });
  await release(alice, 'alice', 'dev', spec('acme-hello', '0.3.0.dev1', 'Say hello the ACME way', true), false);
  await bob.createIndex('bob', 'dev', { bases: ['root/acme'], volatile: true });
  await bob.patchIndex('bob', 'dev', [op.add('acl_upload', ':AUTHENTICATED:')]);
  const carol = await as('carol');
  await release(carol, 'bob', 'dev', spec('carol-tools', '0.1.0', 'Tools Carol shares on Bob\'s index', false));
  await alice.createIndex('alice', 'prod', { bases: ['root/acme'], volatile: false, title: 'Alice production' });
}
