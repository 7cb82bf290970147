import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBff, type FakeBff } from '../testing/fake-bff';
import { ProjectTable, type ProjectTableState } from './project-table';

// A 600-project index served the way the BFF pages it.
const names = Array.from({ length: 600 }, (_, i) => `pkg-${String(i).padStart(3, '0')}`);
const projectsRoute = {
  'GET /+dashboard/api/packages/root/pypi/+projects': (url: URL) => {
    const q = url.searchParams.get('q') ?? '';
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const hits = names.filter((n) => n.includes(q));
    const items = hits.slice(offset, offset + limit).map((name) => ({ name, index: url.searchParams.get('scope') === 'all' ? 'root/base' : 'root/pypi' }));
    return { total: hits.length, offset, limit, items, scope: url.searchParams.get('scope') ?? 'own', query: q, serial: 7, fetchedAt: '2026-11-24T12:00:00.000Z' };
  },
};

function Harness() {
  const [state, setState] = useState<ProjectTableState>({ q: '', offset: 0, scope: 'own' });
  return <ProjectTable name="root/pypi" hasBases state={state} onChange={setState} />;
}

function renderTable() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}><MemoryRouter><Harness /></MemoryRouter></QueryClientProvider>);
}

let bff: FakeBff | undefined;
afterEach(() => {
  cleanup();
  bff?.restore();
});

describe('ProjectTable', () => {
  it('shows one page of a large index and never more than 100 rows', async () => {
    bff = fakeBff(projectsRoute);
    const { container } = renderTable();
    expect(await screen.findByRole('link', { name: 'pkg-000' })).toHaveAttribute('href', '/browse/root/pypi/pkg-000');
    expect(screen.getByText('600 projects')).toBeInTheDocument();
    expect(container.querySelectorAll('tbody tr')).toHaveLength(50);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'pkg-050' })).toBeInTheDocument();
    expect(container.querySelectorAll('tr').length).toBeLessThanOrEqual(101);
    expect(bff.calls.at(-1)).toContain('offset=50');
  });

  it('asks the BFF to search instead of filtering in the browser', async () => {
    bff = fakeBff(projectsRoute);
    renderTable();
    await screen.findByRole('link', { name: 'pkg-000' });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search projects' }), '59');
    const expected = names.filter((n) => n.includes('59')).length;
    expect(await screen.findByText(`${expected} projects matching “59”`)).toBeInTheDocument();
    expect(bff.calls.at(-1)).toContain('q=59');
  });

  it('adds the projects of the bases, each labelled with its index', async () => {
    bff = fakeBff(projectsRoute);
    renderTable();
    await screen.findByRole('link', { name: 'pkg-000' });
    await userEvent.click(screen.getByRole('button', { name: 'With bases' }));
    const table = await screen.findByRole('table');
    expect(await within(table).findAllByRole('link', { name: 'root/base' })).toHaveLength(50);
    expect(bff.calls.at(-1)).toContain('scope=all');
  });
});
