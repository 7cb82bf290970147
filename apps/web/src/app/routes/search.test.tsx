import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeServer, ok, type FakeServer } from '../../testing/fake-server';
import { baseRoutes } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

let server: FakeServer | undefined;

/** The BFF's search answer for `q`, in the mode the browser asked for. */
function stubSearch(fullTextAvailable: boolean) {
  const asked: URL[] = [];
  const answer = ({ path }: { path: string }) => {
    const url = new URL(path, 'http://dashboard.test');
    asked.push(url);
    const fulltext = url.searchParams.get('mode') === 'fulltext' && fullTextAvailable;
    const body = fulltext
      ? { query: 'hello', mode: 'fulltext', fullTextAvailable, hasMore: false, total: 1, offset: 0, limit: 10, items: [{ index: 'root/acme', name: 'acme-hello', version: '0.2.0', excerpts: ['acme-hello 0.2.0 hello()'] }] }
      : { query: 'acme', mode: 'name', fullTextAvailable, hasMore: false, total: 2, offset: 0, limit: 50, items: [{ index: 'alice/dev', name: 'acme-hello', excerpts: [] }, { index: 'root/acme', name: 'acme-utils', excerpts: [] }] };
    return ok(body);
  };
  server = fakeServer({ ...baseRoutes(), 'GET /+dashboard/api/packages/+search': answer });
  return asked;
}

const renderAt = renderApp;

afterEach(() => {
  cleanup();
  server?.restore();
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
