import { validateName } from '@devpi-dashboard/devpi-client';
import { describe, expect, it } from 'vitest';
import { caseTwin, NAME_HINT } from './names';

describe('caseTwin', () => {
  it('finds a name that differs only in case, not the name itself', () => {
    expect(caseTwin('Alice', ['alice', 'bob'])).toBe('alice');
    expect(caseTwin('alice', ['alice', 'bob'])).toBeUndefined();
    expect(caseTwin('MÜLLER', ['müller'])).toBe('müller');
  });
});

describe('NAME_HINT', () => {
  it('names only examples devpi accepts', () => {
    for (const example of ['müller', '用户', 'müller用户', 'a-b.c@d_e']) expect(validateName('user', example)).toBeUndefined();
    expect(NAME_HINT).toContain('- . @ _');
  });
});
