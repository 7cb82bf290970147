// The SPA's server entry (what the BFF renders the signed-in landing page with): the same screen
// the browser's first render shows, from the answers it is given and nothing else.
import type { BootAnswer } from '@devpi-dashboard/dashboard-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { landingUrls, renderLanding, requiredUrls } from './entry-server';
import { readPreference } from './lib/preferences';
import { session, summary } from './testing/fixtures';

const answers = (overrides: Record<string, Partial<BootAnswer>> = {}): BootAnswer[] =>
  landingUrls.map((url) => ({ url, status: 200, body: bodies[url], ...overrides[url] }));

const bodies: Record<string, unknown> = {
  '/+dashboard/api/session': session({ user: 'alice', isRoot: false }),
  '/+dashboard/api/config': { publicUrl: 'https://devpi.example.com', searchAvailable: false, version: '0.1.0', devpiVersion: '6.19.1' },
  '/+dashboard/api/indexes': {
    total: 2,
    owners: [{ owner: 'alice', indexes: [summary('alice/dev'), summary('alice/open', { warnings: [{ code: 'anonymous_upload', message: 'anyone may upload' }] })] }],
  },
  '/+dashboard/api/users?limit=1': { total: 7, offset: 0, limit: 1, items: [{ username: 'alice', indexes: [] }] },
  '/+dashboard/api/devpi/+status': { type: 'status', result: { serial: 4242, role: 'MASTER' } },
  '/+dashboard/api/supply/guard': { indexes: [], unavailableMirrors: [] },
};

describe('the server-rendered landing page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks for what the landing page asks for first, in that order', () => {
    expect(landingUrls).toEqual([
      '/+dashboard/api/session',
      '/+dashboard/api/config',
      '/+dashboard/api/indexes',
      '/+dashboard/api/users?limit=1',
      '/+dashboard/api/devpi/+status',
      '/+dashboard/api/supply/guard',
    ]);
    // What its loaders wait for; the BFF renders without the others when they are late.
    expect(requiredUrls).toEqual(['/+dashboard/api/session', '/+dashboard/api/config', '/+dashboard/api/indexes']);
  });

  it('renders from the required answers alone, the figures as loading', async () => {
    const html = await renderLanding(answers().filter((answer) => requiredUrls.includes(answer.url)));
    const page = document.createElement('div');
    page.innerHTML = html;
    expect(page.querySelector('h1')?.textContent).toBe('Welcome, alice');
    expect([...page.querySelectorAll('.stat-value')].map((value) => value.textContent)).toEqual(['2', '…', '…', '…']);
  });

  it('renders the shell and every figure from the answers, without going to the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const html = await renderLanding(answers());
    expect(fetchSpy).not.toHaveBeenCalled();
    const page = document.createElement('div');
    page.innerHTML = html;
    expect(page.querySelector('h1')?.textContent).toBe('Welcome, alice');
    const figures = Object.fromEntries([...page.querySelectorAll('.stat')].map((stat) => [stat.querySelector('.stat-label')?.textContent, stat.querySelector('.stat-value')?.textContent]));
    expect(figures).toEqual({ Indexes: '2', Users: '7', Serial: '4242', Role: 'MASTER' });
    expect(page.querySelector('nav[aria-label="Main"] a[aria-current="page"]')?.textContent).toBe('Overview');
    expect(page.querySelector('.whoami')?.textContent).toContain('alice');
    // The index that needs attention links to its permissions, as the browser's render does.
    expect(page.querySelector('.index-links a')?.getAttribute('href')).toBe('/+dashboard/indexes/alice/open/permissions');
  });

  it('shows a figure whose answer failed as the page shows it while loading', async () => {
    const html = await renderLanding(answers({ '/+dashboard/api/devpi/+status': { status: 502, body: { message: 'devpi is down' } } }));
    const page = document.createElement('div');
    page.innerHTML = html;
    const serial = [...page.querySelectorAll('.stat')].find((stat) => stat.querySelector('.stat-label')?.textContent === 'Serial');
    expect(serial?.querySelector('.stat-value')?.textContent).toBe('…');
    expect(page.querySelector('h1')?.textContent).toBe('Welcome, alice');
  });

  it('fails rather than render a landing page without its index list or session', async () => {
    await expect(renderLanding(answers().filter((answer) => answer.url !== '/+dashboard/api/indexes'))).rejects.toThrow();
    await expect(renderLanding(answers({ '/+dashboard/api/session': { status: 500, body: { error: { code: 'internal', message: 'boom', status: 500 } } } }))).rejects.toThrow();
  });

  it('keeps overlapping renders apart', async () => {
    const bob = answers({ '/+dashboard/api/session': { body: session({ user: 'bob', isRoot: false }) } });
    const [first, second] = await Promise.all([renderLanding(answers()), renderLanding(bob)]);
    expect(first).toContain('Welcome, alice');
    expect(second).toContain('Welcome, bob');
    expect(second).not.toContain('Welcome, alice');
  });

  it("shows the user's choices as the SPA would: a folded root-password banner stays folded", async () => {
    const root = answers({ '/+dashboard/api/session': { body: session({ user: 'root', isRoot: true, rootPasswordEmpty: true }) } });
    const open = await renderLanding(root);
    expect(open).toContain('Set root password');
    const folded = await renderLanding(root, { 'devpi-dashboard-root-banner-collapsed': '1', 'devpi-dashboard-theme': 'dark' });
    expect(folded).toContain('root-password-banner-collapsed');
    expect(folded).not.toContain('Set root password');
    expect(folded).toContain('Theme: dark');
    // Outside a render, the browser's own storage is what counts again.
    localStorage.setItem('devpi-dashboard-root-banner-collapsed', '1');
    expect(readPreference('devpi-dashboard-root-banner-collapsed')).toBe('1');
    localStorage.clear();
  });
});
