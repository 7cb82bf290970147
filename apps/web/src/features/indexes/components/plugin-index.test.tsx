import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { devpiOk, fakeServer, type FakeServer } from '../../../testing/fake-server';
import { baseRoutes, DEVPI, stage, summary } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

/** devpi-constrained's index type: stage-like keys plus its own `constraints`. */
const pinned = stage({ type: 'constrained', bases: ['root/pypi'], acl_upload: ['alice', 'bob'], title: 'Pinned', constraints: ['requests<3', '*'] });
const indexList = {
  total: 2,
  owners: [{ owner: 'root', indexes: [summary('root/pinned', { type: 'constrained', bases: ['root/pypi'], aclUpload: ['alice', 'bob'] }), summary('root/pypi', { type: 'mirror', bases: [] })] }],
};

function routes() {
  return {
    ...baseRoutes(),
    'GET /+dashboard/api/indexes': () => ({ body: indexList }),
    [`GET ${DEVPI}/root/pinned`]: () => devpiOk('indexconfig', pinned),
    [`PATCH ${DEVPI}/root/pinned`]: () => devpiOk('indexconfig', pinned),
  };
}

describe('an index whose type a plugin adds', () => {
  it('shows its type in the index list', async () => {
    server = fakeServer(routes());
    renderApp('/indexes');
    const row = (await screen.findByRole('link', { name: 'root/pinned' })).closest('li');
    if (!(row instanceof HTMLElement)) throw new Error('no row');
    expect(within(row).getByText('constrained')).toHaveAttribute('title', 'Index type from a devpi plugin');
  });

  it('shows every key read-only on its page, saying the type comes from a plugin', async () => {
    server = fakeServer(routes());
    renderApp('/indexes/root/pinned');
    const settings = await screen.findByLabelText('Plugin index settings');
    expect(screen.getByText(/comes from a devpi plugin/)).toBeInTheDocument();
    for (const key of ['type', 'constraints', 'acl_upload', 'acl_toxresult_upload', 'mirror_whitelist_inheritance', 'bases', 'title']) {
      expect(within(settings).getByText(key)).toBeInTheDocument();
    }
    expect(within(settings).getByText('["requests<3","*"]')).toBeInTheDocument();
  });

  it('edits only the common keys, as list operations, never the plugin keys', async () => {
    server = fakeServer(routes());
    renderApp('/indexes/root/pinned/edit');
    const user = userEvent.setup({ delay: null });
    const title = await screen.findByLabelText('Title');
    const readOnly = screen.getByLabelText('Plugin index settings');
    expect(within(readOnly).getByText('constraints')).toBeInTheDocument();
    expect(within(readOnly).queryByText('title')).not.toBeInTheDocument();
    await user.clear(title);
    await user.type(title, 'Pinned deps');
    await user.click(screen.getByRole('button', { name: 'Remove uploader bob' }));
    await user.type(screen.getByLabelText('Who may upload (acl_upload)'), 'carol{Enter}');
    await user.click(screen.getByLabelText('Volatile'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(server?.writes()).toHaveLength(1));
    expect(server.writes()[0]).toEqual({
      method: 'PATCH',
      path: `${DEVPI}/root/pinned`,
      body: ['title=Pinned deps', 'volatile=False', 'acl_upload-=bob', 'acl_upload+=carol'],
    });
  });

  it('is a plain, untoggleable cell in the upload matrix when the plugin decides uploads', async () => {
    server = fakeServer({
      ...routes(),
      'GET /+dashboard/api/permissions/upload-matrix': () => ({
        body: { indexes: [{ name: 'root/gate', type: 'gateway' }], totalUsers: 1, offset: 0, limit: 50, rows: [{ user: 'alice', cells: [{ index: 'root/gate', allowed: false, reason: 'plugin' }] }] },
      }),
    });
    renderApp('/permissions');
    expect(await screen.findByText('alice on root/gate: its index type is managed by a plugin, which decides who may upload')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /root\/gate/ })).not.toBeInTheDocument();
  });
});
