import { describe, expect, it } from 'vitest';
import { clientSnippets } from './snippets';

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
