import { describe, expect, it } from 'vitest';
import { rewriteLocation } from './response.js';

describe('rewriteLocation', () => {
  const origins = ['https://pypi.example.com', 'http://devpi:3141'];

  it('keeps redirects inside the proxy', () => {
    expect(rewriteLocation('https://pypi.example.com/root/acme/acme-hello', origins)).toBe('/+dashboard/api/devpi/root/acme/acme-hello');
    expect(rewriteLocation('http://devpi:3141/alice', origins)).toBe('/+dashboard/api/devpi/alice');
    expect(rewriteLocation('http://devpi:3141', origins)).toBe('/+dashboard/api/devpi/');
    expect(rewriteLocation('/root/acme/+simple/', origins)).toBe('/+dashboard/api/devpi/root/acme/+simple/');
  });

  it('leaves foreign locations alone', () => {
    expect(rewriteLocation('https://pypi.org/simple/x/', origins)).toBe('https://pypi.org/simple/x/');
    expect(rewriteLocation('//evil.example/x', origins)).toBe('//evil.example/x');
    expect(rewriteLocation('https://pypi.example.com.evil/x', origins)).toBe('https://pypi.example.com.evil/x');
  });
});
