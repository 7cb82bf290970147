import { describe, expect, it } from 'vitest';
import { parseDistFile } from './dist-files.js';
import { pipPick, type Candidate } from './pip-pick.js';
import { parseRequirement } from './requirement.js';

const file = (filename: string, extra: Partial<Candidate> = {}): Candidate => {
  const dist = parseDistFile(filename, 'acme-widgets');
  return { filename, version: dist.version ?? '', dist, yanked: false, requiresPython: null, servedBy: 'a/dev', url: `http://x/${filename}`, ...extra };
};

describe('what pip picks from a simple page', () => {
  it('takes the highest matching version, its compatible wheel over its sdist', () => {
    const files = [file('acme-widgets-2.4.tar.gz'), file('acme_widgets-2.4-cp311-cp311-win_amd64.whl'), file('acme_widgets-2.4-py3-none-any.whl'), file('acme_widgets-2.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'), file('acme_widgets-3.0-py3-none-any.whl')];
    const { pick, files: out } = pipPick(files, '>=2,<3', false);
    expect(pick?.filename).toBe('acme_widgets-2.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl');
    expect(out.find((f) => f.filename.includes('win_amd64'))?.excluded).toContain('wheel tags');
    expect(pipPick(files.slice(0, 2), '>=2,<3', false).pick?.filename).toBe('acme-widgets-2.4.tar.gz');
  });

  it('skips yanked files unless pinned with == and nothing else matches (PEP 592)', () => {
    const files = [file('acme_widgets-2.0-py3-none-any.whl'), file('acme_widgets-2.1-py3-none-any.whl', { yanked: true })];
    expect(pipPick(files, '>=2', false).pick?.version).toBe('2.0');
    expect(pipPick(files, '==2.1', false).pick?.version).toBe('2.1');
    expect(pipPick([files[1] as Candidate], '>=2', false).pick).toBeUndefined();
  });

  it('honours Requires-Python and falls back to pre-releases only when nothing final matches', () => {
    const files = [file('acme_widgets-2.0-py3-none-any.whl', { requiresPython: '>=3.12' }), file('acme_widgets-1.0-py3-none-any.whl'), file('acme_widgets-3.0b1-py3-none-any.whl')];
    expect(pipPick(files, '', false).pick?.version).toBe('1.0');
    expect(pipPick(files, '>=2', false).pick?.version).toBe('3.0b1');
  });

  it('reads sdist versions of dashed names and parses requirements', () => {
    expect(parseDistFile('acme-widgets-2.0.post1.tar.gz', 'Acme_Widgets').version).toBe('2.0.post1');
    expect(parseRequirement('Acme.Widgets[fast] >= 2, <3')).toEqual({ project: 'acme-widgets', specifier: '>=2,<3' });
    expect(parseRequirement('acme; python_version<"3"')).toHaveProperty('error');
  });
});
