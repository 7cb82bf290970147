import { describe, expect, it } from 'vitest';
import { joinUrl, parseFileHref, resolveBaseUrl, segment } from './url.js';

describe('resolveBaseUrl', () => {
  it.each([
    ['http://127.0.0.1:3141', undefined, 'http://127.0.0.1:3141'],
    ['http://127.0.0.1:3141/', undefined, 'http://127.0.0.1:3141'],
    ['https://lb.example/devpi/', 'https://other.example/x', 'https://lb.example/devpi'],
    ['/+dashboard/api/devpi', 'https://lb.example/+dashboard/users/alice', 'https://lb.example/+dashboard/api/devpi'],
    ['/+dashboard/api/devpi/', 'http://127.0.0.1:8080/+dashboard/', 'http://127.0.0.1:8080/+dashboard/api/devpi'],
    ['/+dashboard/api/devpi', undefined, '/+dashboard/api/devpi'],
    ['/', 'http://127.0.0.1:8080/x', 'http://127.0.0.1:8080'],
  ])('%s against %s -> %s', (base, location, expected) => {
    expect(resolveBaseUrl(base, location)).toBe(expected);
  });
});

describe('joinUrl', () => {
  it('appends devpi paths and presence-only flags the way devpi-client writes them', () => {
    expect(joinUrl('http://h:1', '/root/acme', { no_projects: '' })).toBe('http://h:1/root/acme?no_projects=');
    expect(joinUrl('/+dashboard/api/devpi', '/root/acme/+simple/')).toBe('/+dashboard/api/devpi/root/acme/+simple/');
    expect(joinUrl('http://h:1', '/', { force: undefined })).toBe('http://h:1/');
  });

  it('encodes names as path segments but keeps "@"', () => {
    expect(segment('a b/c?')).toBe('a%20b%2Fc%3F');
    expect(segment('alice@example.com')).toBe('alice@example.com');
  });
});

describe('parseFileHref', () => {
  it('splits a +links href, also behind an outside URL with a path prefix', () => {
    expect(parseFileHref('http://127.0.0.1:3141/root/acme/+f/d23/44d1e98b20715/acme_hello-0.1.0-py3-none-any.whl')).toEqual({
      user: 'root', index: 'acme', path: '+f/d23/44d1e98b20715/acme_hello-0.1.0-py3-none-any.whl',
    });
    expect(parseFileHref('https://lb.example/pypi/alice/dev/+f/cb9/a054e1f79e394/acme-hello-0.2.0.tar.gz#sha256=cb9')).toEqual({
      user: 'alice', index: 'dev', path: '+f/cb9/a054e1f79e394/acme-hello-0.2.0.tar.gz',
    });
  });

  it('resolves the relative URLs of PEP 691 pages against the page', () => {
    const page = 'http://127.0.0.1:3141/root/acme/+simple/acme-hello/';
    expect(parseFileHref(new URL('../../+f/d23/44d1e98b20715/x.whl', page).href)).toEqual({ user: 'root', index: 'acme', path: '+f/d23/44d1e98b20715/x.whl' });
  });

  it('gives undefined for URLs that are no file URLs', () => {
    expect(parseFileHref('http://127.0.0.1:3141/root/acme/acme-hello')).toBeUndefined();
    expect(parseFileHref('/+f/x')).toBeUndefined();
  });
});
