import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Component as SearchPage } from './search-page';

/** The BFF's search answer for `q`, in the mode the browser asked for. */
function stubSearch(fullTextAvailable: boolean) {
  const asked: URL[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://dashboard.test');
    asked.push(url);
    const fulltext = url.searchParams.get('mode') === 'fulltext' && fullTextAvailable;
    const body = fulltext
      ? { query: 'hello', mode: 'fulltext', fullTextAvailable, hasMore: false, total: 1, offset: 0, limit: 10, items: [{ index: 'root/acme', name: 'acme-hello', version: '0.2.0', excerpts: ['acme-hello 0.2.0 hello()'] }] }
      : { query: 'acme', mode: 'name', fullTextAvailable, hasMore: false, total: 2, offset: 0, limit: 50, items: [{ index: 'alice/dev', name: 'acme-hello', excerpts: [] }, { index: 'root/acme', name: 'acme-utils', excerpts: [] }] };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }));
  return asked;
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}><MemoryRouter initialEntries={[path]}><SearchPage /></MemoryRouter></QueryClientProvider>);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('search page', () => {
  it('searches names on every index and links each hit to its project page', async () => {
    stubSearch(true);
    renderAt('/search?q=acme');
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: 'acme-hello' })).toHaveAttribute('href', '/browse/alice/dev/acme-hello');
    expect(screen.getByText(/Searching project names on every index/)).toBeInTheDocument();
  });

  it('says when full text runs through devpi-web and links hits to the version', async () => {
    const asked = stubSearch(true);
    renderAt('/search?q=hello');
    await screen.findByRole('table');
    await userEvent.click(screen.getByRole('button', { name: 'Full text' }));
    expect(await screen.findByText(/Full-text search by devpi-web/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'acme-hello 0.2.0' })).toHaveAttribute('href', '/browse/root/acme/acme-hello/0.2.0');
    expect(asked.at(-1)?.searchParams.get('mode')).toBe('fulltext');
  });

  it('explains that full text needs devpi-web when the server has none', async () => {
    stubSearch(false);
    renderAt('/search?q=acme&mode=fulltext');
    expect(await screen.findByText(/Full-text search needs devpi-web/)).toBeInTheDocument();
  });
});
