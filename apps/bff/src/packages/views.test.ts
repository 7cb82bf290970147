import { describe, expect, it } from 'vitest';
import { fileFacts, isoWhen } from './file-facts.js';
import { blockedMirrors } from './project-view.js';
import { projectUrls, requirementName } from './version-view.js';
import { sortNewestFirst, versionFacts } from './pep440-order.js';

describe('versions', () => {
  it('sorts newest first in PEP 440 order, invalid versions last', () => {
    expect(sortNewestFirst(['1.9', '1.10', '2.0rc1', '2.0', '1.10.post1', 'nightly', '2.0.dev3'])).toEqual([
      '2.0', '2.0rc1', '2.0.dev3', '1.10.post1', '1.10', '1.9', 'nightly',
    ]);
  });

  it('marks pre-releases and dev releases', () => {
    expect(versionFacts('2.0b1')).toEqual({ prerelease: true, invalid: false });
    expect(versionFacts('2.0.dev1')).toEqual({ prerelease: true, invalid: false });
    expect(versionFacts('2.0.post1')).toEqual({ prerelease: false, invalid: false });
    expect(versionFacts('latest')).toEqual({ prerelease: false, invalid: true });
  });
});

describe('files and metadata', () => {
  it('reads kind and Python tag from file names', () => {
    expect(fileFacts('acme_hello-0.1.0-py3-none-any.whl')).toEqual({ kind: 'wheel', pythonTag: 'py3' });
    expect(fileFacts('numpy-2.0.0-cp312-cp312-manylinux_2_17_x86_64.whl')).toEqual({ kind: 'wheel', pythonTag: 'cp312' });
    expect(fileFacts('acme-hello-0.1.0.tar.gz')).toEqual({ kind: 'sdist', pythonTag: 'source' });
    expect(fileFacts('old-1.0-py2.7.egg')).toEqual({ kind: 'egg', pythonTag: 'py2.7' });
  });

  it("turns devpi's log time into ISO 8601", () => {
    expect(isoWhen([2026, 11, 24, 8, 27, 20])).toBe('2026-11-24T08:27:20Z');
  });

  it('reads dependency names and project URLs', () => {
    expect(requirementName('requests (>=2.0) ; extra == "socks"')).toBe('requests');
    expect(requirementName('zope.interface>=5')).toBe('zope.interface');
    expect(projectUrls(['Source, https://github.com/x/y', 'Bad, javascript:alert(1)'])).toEqual([{ label: 'Source', url: 'https://github.com/x/y' }]);
  });

  it("reads the mirrors devpi's simple page says it left out", () => {
    const html = '<h1>root/acme: links for acme-hello</h1>\n<p><strong>INFO:</strong> Because this project isn\'t in the <code>mirror_whitelist</code>, no releases from <strong>root/pypi</strong> are included.</p>';
    expect(blockedMirrors(html)).toEqual(['root/pypi']);
    expect(blockedMirrors('<h1>x</h1>')).toEqual([]);
  });
});
