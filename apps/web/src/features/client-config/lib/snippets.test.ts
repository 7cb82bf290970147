import { describe, expect, it } from 'vitest';
import { clientSnippets, tokenSnippets } from './snippets';

const byId = (publicUrl: string) => Object.fromEntries(clientSnippets({ publicUrl, user: 'root', index: 'acme', uploader: 'alice' }).map((s) => [s.id, s.text]));

describe('client configuration', () => {
  it('writes pip.conf with the public URL and a [search] section, without trusted-host on https', () => {
    const snippets = byId('https://devpi.example.com/');
    expect(snippets['pip-conf']).toBe('[global]\nindex-url = https://devpi.example.com/root/acme/+simple/\n\n[search]\nindex = https://devpi.example.com/root/acme/');
    expect(Object.values(snippets).join('\n')).not.toMatch(/trusted-host|TRUSTED_HOST|insecure|verify_ssl/);
  });

  it('adds trusted-host (and the uv/pdm equivalents) only for plain http', () => {
    const snippets = byId('http://devpi.lan:3141');
    expect(snippets['pip-conf']).toContain('trusted-host = devpi.lan');
    expect(snippets['pip-env']).toContain('--trusted-host devpi.lan');
    expect(snippets.uv).toContain('allow-insecure-host = ["devpi.lan"]');
    expect(snippets.pdm).toContain('verify_ssl = false');
  });

  it('covers .pypirc with pypi and devpi servers, twine, poetry and devpi use', () => {
    const snippets = byId('https://devpi.example.com');
    expect(snippets.pypirc).toMatch(/index-servers =\n {4}pypi\n {4}devpi/);
    expect(snippets.pypirc).toContain('repository = https://devpi.example.com/root/acme/\nusername = alice');
    expect(snippets['twine-env']).toContain('TWINE_REPOSITORY_URL=https://devpi.example.com/root/acme/');
    expect(snippets.poetry).toContain('poetry source add --priority=primary devpi https://devpi.example.com/root/acme/+simple/');
    expect(snippets['devpi-use']).toContain('devpi use https://devpi.example.com/root/acme/');
    expect(snippets.pydistutils).toContain('index_url = https://devpi.example.com/root/acme/+simple/');
  });
});

describe('client configuration with a token', () => {
  const token = 'devpi-AgEAAg5hbGljZS0zaDc3WmZOOAACEmV4cGlyZXM9MTgyNzc3OTQyNwAABiDb';
  const snippets = (publicUrl: string) =>
    Object.fromEntries(tokenSnippets({ publicUrl, user: 'root', index: 'acme', credential: { user: 'alice', token } }).map((s) => [s.id, s.text]));

  it('puts the token where each tool takes a password, with the token user as user name', () => {
    const s = snippets('https://devpi.example.com');
    expect(Object.keys(s)).toEqual(['token-pip', 'token-uv', 'token-poetry', 'token-twine', 'token-pypirc']);
    expect(s['token-pip']).toContain(`export PIP_INDEX_URL=https://alice:${token}@devpi.example.com/root/acme/+simple/`);
    expect(s['token-uv']).toContain(`export UV_PUBLISH_PASSWORD=${token}`);
    expect(s['token-poetry']).toContain(`poetry config http-basic.devpi alice ${token}`);
    expect(s['token-twine']).toContain('export TWINE_USERNAME=alice\nexport TWINE_PASSWORD=' + token);
    expect(s['token-pypirc']).toContain(`repository = https://devpi.example.com/root/acme/\nusername = alice\npassword = ${token}`);
    expect(Object.values(s).join('\n')).not.toMatch(/TRUSTED_HOST|INSECURE/);
  });

  it('encodes a user name URLs cannot hold as it is, and trusts plain-http hosts', () => {
    const s = snippets('http://devpi.lan:3141');
    expect(tokenSnippets({ publicUrl: 'http://devpi.lan:3141', user: 'root', index: 'acme', credential: { user: 'ä b', token } })[0]?.text).toContain(`http://%C3%A4%20b:${token}@devpi.lan:3141/`);
    expect(s['token-pip']).toContain('export PIP_TRUSTED_HOST=devpi.lan');
    expect(s['token-uv']).toContain('export UV_INSECURE_HOST=devpi.lan');
  });
});
