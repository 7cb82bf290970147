import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeServer, type FakeServer } from '../../../testing/fake-server';
import { baseRoutes, summary } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

describe('index list', () => {
  it('groups by owner and flags mirrors, non-volatile, world-writable and closed indexes', async () => {
    server = fakeServer({
      ...baseRoutes(),
      'GET /+dashboard/api/indexes': () => ({
        body: {
          total: 3,
          owners: [
            { owner: 'alice', indexes: [summary('alice/open', { aclUpload: [':ANONYMOUS:'], warnings: [{ code: 'anonymous_upload', message: 'Anyone, even without logging in, can upload to alice/open.' }] })] },
            {
              owner: 'root',
              indexes: [
                summary('root/pypi', { type: 'mirror', volatile: false, mirrorUrl: 'https://pypi.org/simple/' }),
                summary('root/closed', { aclUpload: [], warnings: [{ code: 'nobody_can_upload', message: 'acl_upload of root/closed is empty: nobody can upload.' }] }),
              ],
            },
          ],
        },
      }),
    });
    renderApp('/indexes');
    const alice = await screen.findByRole('region', { name: 'alice' });
    expect(within(alice).getByText('Anyone, even without logging in, can upload to alice/open.')).toBeInTheDocument();
    const root = screen.getByRole('region', { name: 'root' });
    const mirror = within(root).getByRole('link', { name: 'root/pypi' }).closest('li');
    if (!(mirror instanceof HTMLElement)) throw new Error('no row');
    expect(within(mirror).getByText('mirror')).toBeInTheDocument();
    expect(within(mirror).getByText('non-volatile')).toBeInTheDocument();
    expect(within(root).getByText('acl_upload of root/closed is empty: nobody can upload.')).toBeInTheDocument();
  });
});
