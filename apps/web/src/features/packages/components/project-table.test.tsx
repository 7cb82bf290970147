import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeServer, ok, type FakeServer } from '../../../testing/fake-server';
import { baseRoutes } from '../../../testing/fixtures';
import { overview } from '../../../testing/package-fixtures';
import { renderApp } from '../../../testing/render-app';

// A 600-project index served the way the BFF pages it.
const names = Array.from({ length: 600 }, (_, i) => `pkg-${String(i).padStart(3, '0')}`);
const routes = {
  ...baseRoutes(),
  'GET /+dashboard/api/packages/root/pypi': () =>
    ok(overview({ name: 'root/pypi', user: 'root', index: 'pypi', permissions: { upload: false, delete: false, refresh: true } })),
  'GET /+dashboard/api/packages/root/pypi/+projects': ({ path }: { path: string }) => {
    const url = new URL(path, 'http://dashboard.test');
    const q = url.searchParams.get('q') ?? '';
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const hits = names.filter((n) => n.includes(q));
    const items = hits.slice(offset, offset + limit).map((name) => ({ name, index: url.searchParams.get('scope') === 'all' ? 'root/base' : 'root/pypi' }));
    return ok({ total: hits.length, offset, limit, items, scope: url.searchParams.get('scope') ?? 'own', query: q, serial: 7, fetchedAt: '2026-11-24T12:00:00.000Z' });
  },
};

// The table as the index page of a mirror with bases shows it.
const renderTable = () => renderApp('/browse/root/pypi');
const lastPath = () => server?.calls.filter((call) => call.path.includes('/+projects')).at(-1)?.path;

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

// Fifty rows through the whole app, page after page: on a loaded CI machine that outgrows 5 s.
describe('ProjectTable', { timeout: 30_000 }, () => {
  it('shows one page of a large index and never more than 100 rows', async () => {
    server = fakeServer(routes);
    const { container } = renderTable();
    expect(await screen.findByRole('link', { name: 'pkg-000' })).toHaveAttribute('href', '/browse/root/pypi/pkg-000');
    expect(screen.getByText('600 projects')).toBeInTheDocument();
    expect(container.querySelectorAll('tbody tr')).toHaveLength(50);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'pkg-050' })).toBeInTheDocument();
    expect(container.querySelectorAll('tr').length).toBeLessThanOrEqual(101);
    expect(lastPath()).toContain('offset=50');
  });

  it('asks the BFF to search instead of filtering in the browser', async () => {
    server = fakeServer(routes);
    renderTable();
    await screen.findByRole('link', { name: 'pkg-000' });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search projects' }), '59');
    const expected = names.filter((n) => n.includes('59')).length;
    expect(await screen.findByText(`${expected} projects matching “59”`)).toBeInTheDocument();
    expect(lastPath()).toContain('q=59');
  });

  it('adds the projects of the bases, each labelled with its index', async () => {
    server = fakeServer(routes);
    renderTable();
    await screen.findByRole('link', { name: 'pkg-000' });
    await userEvent.click(screen.getByRole('button', { name: 'With bases' }));
    const table = await screen.findByRole('table');
    // By text, not role: computing 50 accessible names per retry is what makes jsdom slow here.
    const labels = await within(table).findAllByText('root/base');
    expect(labels).toHaveLength(50);
    expect(labels[0]).toHaveAttribute('href', '/browse/root/base');
    expect(lastPath()).toContain('scope=all');
  });
});
