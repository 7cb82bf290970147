import type { IndexOverview, ProjectView, VersionView } from '@devpi-dashboard/dashboard-api';

export const overview = (patch: Partial<IndexOverview> = {}): IndexOverview => ({
  name: 'alice/dev',
  user: 'alice',
  index: 'dev',
  type: 'stage',
  volatile: false,
  bases: ['root/pypi'],
  resolution: [
    { name: 'alice/dev', type: 'stage', volatile: false, missing: false },
    { name: 'root/pypi', type: 'mirror', volatile: false, missing: false },
  ],
  mirrorWhitelist: [],
  simpleUrl: 'https://pypi.example.com/alice/dev/+simple/',
  permissions: { upload: true, delete: true, refresh: false },
  pushTargets: ['alice/prod'],
  ...patch,
});

export const project = (patch: Partial<ProjectView> = {}): ProjectView => ({
  name: 'acme-hello',
  index: 'alice/dev',
  isMirror: false,
  versions: [
    { version: '2.0rc1', prerelease: true, index: 'alice/dev', files: 1, hasDocs: false, invalid: false },
    { version: '1.10', prerelease: false, index: 'alice/dev', files: 2, hasDocs: true, invalid: false },
    { version: '1.9', prerelease: false, index: 'root/acme', files: 1, hasDocs: false, invalid: false },
  ],
  blockedMirrors: ['root/pypi'],
  simpleUrl: 'https://pypi.example.com/alice/dev/+simple/acme-hello/',
  ...patch,
});

export const version = (patch: Partial<VersionView> = {}): VersionView => ({
  name: 'acme-hello',
  version: '1.10',
  index: 'alice/dev',
  sourceIndex: 'alice/dev',
  isMirror: false,
  prerelease: false,
  summary: 'Tiny test package',
  author: 'Alice',
  authorEmail: 'alice@example.com',
  license: 'MIT',
  homePage: 'https://example.com/acme',
  requiresPython: '>=3.9',
  keywords: ['demo'],
  classifiers: ['License :: OSI Approved :: MIT License'],
  projectUrls: [{ label: 'Source', url: 'https://example.com/src' }],
  requiresDist: [
    { raw: 'requests>=2', name: 'requests', onIndex: true },
    { raw: 'private-thing ; extra == "x"', name: 'private-thing', onIndex: false },
  ],
  files: [
    {
      filename: 'acme_hello-1.10-py3-none-any.whl',
      url: 'https://pypi.example.com/alice/dev/+f/d23/44d1e98b20715/acme_hello-1.10-py3-none-any.whl',
      index: 'alice/dev',
      path: '+f/d23/44d1e98b20715/acme_hello-1.10-py3-none-any.whl',
      kind: 'wheel',
      pythonTag: 'py3',
      size: 1350,
      sha256: 'd2344d1e98b20715d73d83317c4a1307eab9585c9e543bb68e50329e2337f51a',
      history: [{ what: 'upload', who: 'alice', when: '2026-11-24T08:27:20Z', dst: 'alice/dev' }],
    },
  ],
  docs: { url: 'https://pypi.example.com/alice/dev/acme-hello/1.10/+d/index.html', zipUrl: 'https://pypi.example.com/x.doc.zip' },
  description: { format: 'markdown', html: '<h3>Acme</h3><p>Hello <a href="https://example.com" rel="nofollow noopener noreferrer">there</a></p>' },
  simpleUrl: 'https://pypi.example.com/alice/dev/+simple/',
  ...patch,
});
