import { describe, expect, it } from 'vitest';
import { isValidName, normalizeProjectName, validateName } from './names.js';
import { loadTranscript } from './test-support/transcripts.js';

function recordedMessage(id: number): unknown {
  const body = loadTranscript(id).response.body;
  return typeof body === 'object' && body !== null && 'message' in body ? body.message : undefined;
}

describe('validateName', () => {
  it('gives the message devpi gives for users and indexes (transcripts 24, 56)', () => {
    expect(validateName('user', 'bad!name')).toBe(recordedMessage(24));
    expect(validateName('index', 'bad!idx')).toBe(recordedMessage(56));
  });

  it.each(['alice', 'a.b-c_d@e', 'ünïcödé', 'DEV', '1'])('accepts %j', (name) => {
    expect(validateName('user', name)).toBeUndefined();
    expect(isValidName(name)).toBe(true);
  });

  // The cases of devpi-server's own test_invalid_name, plus space, tab, slash and the other ASCII symbols.
  it.each(['foo bar', 'foo\tbar', 'foo/bar', 'foo!bar42', 'foo~bar42', ':foobar', ':foobar:', 'a+b', 'a#b', 'a%b', 'a\\b', 'a"b', "a'b", 'a[b]', 'a{b}', 'a|b', 'a`b', 'a^b', 'a,b', 'a;b', 'a=b', 'a?b', 'a<b>', 'a$b', 'a&b', 'a*b', 'a(b)', '\u0001x'])(
    'refuses %j',
    (name) => {
      expect(validateName('index', name)).toBe(`indexname '${name}' contains characters that aren't allowed. Any ascii symbol besides -.@_ is blocked.`);
      expect(isValidName(name)).toBe(false);
    },
  );

  it('refuses the empty name, which devpi cannot even route', () => {
    expect(validateName('user', '')).toBe('username must not be empty.');
    expect(isValidName('')).toBe(false);
  });
});

describe('normalizeProjectName', () => {
  it.each([
    ['Acme_Hello', 'acme-hello'],
    ['FrIeNdLy-._.-bArD', 'friendly-bard'],
    ['friendly--bard', 'friendly-bard'],
    ['zope.interface', 'zope-interface'],
    ['pip', 'pip'],
  ])('%s -> %s (PEP 503)', (name, normalized) => {
    expect(normalizeProjectName(name)).toBe(normalized);
  });
});
