import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { devpiError, devpiOk, fakeServer, type FakeServer } from '../../../testing/fake-server';
import { baseRoutes, DEVPI, session, stage, summary } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';
import { queryClient } from '../../../lib/query-client';
import { indexDetailQueryOptions } from '../api/indexes';
import { IndexConfig } from '@devpi-dashboard/devpi-client';

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

// root/acme inherits root/pypi; alice/dev inherits root/acme, so root/acme may not inherit alice/dev.
const indexList = {
  total: 4,
  owners: [
    { owner: 'alice', indexes: [summary('alice/dev', { bases: ['root/acme'] })] },
    { owner: 'root', indexes: [summary('root/acme', { bases: ['root/pypi'] }), summary('root/pypi', { type: 'mirror', bases: [] }), summary('root/other')] },
  ],
};

function routes(config: Record<string, unknown>, patch: (ops: unknown) => ReturnType<typeof devpiOk> = () => devpiOk('indexconfig', config)) {
  return {
    ...baseRoutes(),
    'GET /+dashboard/api/indexes': () => ({ body: indexList }),
    [`GET ${DEVPI}/root/acme`]: () => devpiOk('indexconfig', config),
    [`PATCH ${DEVPI}/root/acme`]: (call: { body: unknown }) => patch(call.body),
  };
}

describe('edit index form', () => {
  it('sends only the changed keys, as list operations, and never the plugin keys', async () => {
    const config = stage({ bases: ['root/pypi'], acl_upload: ['alice', 'bob'], mirror_whitelist: ['six'], title: 'ACME', plugin_key: 'kept' });
    server = fakeServer(routes(config));
    renderApp('/indexes/root/acme/edit');
    const user = userEvent.setup({ delay: null });
    const title = await screen.findByLabelText('Title');
    expect(screen.getByText('plugin_key')).toBeInTheDocument();
    await user.clear(title);
    await user.type(title, 'ACME packages');
    await user.click(screen.getByRole('button', { name: 'Remove uploader bob' }));
    await user.type(screen.getByLabelText('Who may upload (acl_upload)'), 'carol{Enter}');
    await user.click(screen.getByRole('button', { name: 'Remove whitelisted project six' }));
    await user.click(screen.getByLabelText('Volatile'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(server?.writes()).toHaveLength(1));
    expect(server.writes()[0]).toEqual({
      method: 'PATCH',
      path: `${DEVPI}/root/acme`,
      body: ['title=ACME packages', 'volatile=False', 'acl_upload-=bob', 'acl_upload+=carol', 'mirror_whitelist-=six'],
    });
  });

  it("never reverts someone else's change that arrives while the form is open", async () => {
    server = fakeServer(routes(stage({ acl_upload: ['alice'] })));
    renderApp('/indexes/root/acme/edit');
    const user = userEvent.setup({ delay: null });
    const title = await screen.findByLabelText('Title');
    // Another admin adds bob; a background refetch brings it into the cache.
    queryClient.setQueryData(indexDetailQueryOptions('root', 'acme').queryKey, IndexConfig.parse(stage({ acl_upload: ['alice', 'bob'] })));
    await user.type(title, 'ACME');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(server?.writes().map((call) => call.body)).toEqual([['title=ACME']]));
  });

  it('offers only bases that keep the chain free of cycles, and sets the order as a whole', async () => {
    server = fakeServer(routes(stage({ bases: ['root/pypi'] })));
    renderApp('/indexes/root/acme/edit');
    const select = await screen.findByLabelText('Index to add as a base');
    const options = within(select).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['root/other']);
    expect(screen.getByText(/root\/acme → alice\/dev → root\/acme/)).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Add base' }));
    await user.click(screen.getByRole('button', { name: 'Move root/other up' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(server?.writes()[0]?.body).toEqual(['bases=root/other,root/pypi']));
  });

  it("shows devpi's refusal next to the field it concerns", async () => {
    server = fakeServer(routes(stage(), () => devpiError(400, "invalid base index spec: 'nope'")));
    renderApp('/indexes/root/acme/edit');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Add base' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const group = screen.getByRole('group', { name: 'Bases, in lookup order' });
    expect(await within(group).findByText(/invalid base index spec/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove base root/pypi' })).toBeInTheDocument();
  });
});

describe('create index form', () => {
  it('checks the name and the mirror URL before creating, then sends typed JSON', async () => {
    server = fakeServer({
      ...baseRoutes(session({ user: 'alice', isRoot: false })),
      'GET /+dashboard/api/indexes': () => ({ body: indexList }),
      [`PUT ${DEVPI}/alice/mirror`]: () => devpiOk('indexconfig', { type: 'mirror', volatile: true, mirror_url: 'https://pypi.org/simple/' }),
      [`GET ${DEVPI}/alice/mirror`]: () => devpiOk('indexconfig', { type: 'mirror', volatile: true, mirror_url: 'https://pypi.org/simple/' }),
    });
    const { router } = renderApp('/indexes/+new');
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByLabelText('Owner')).toBeDisabled();
    await user.type(screen.getByLabelText('Index name'), 'my mirror');
    await user.click(screen.getByLabelText(/Mirror: caches another simple index/));
    await user.click(screen.getByRole('button', { name: 'Create index' }));
    expect(await screen.findByText(/indexname 'my mirror' contains characters/)).toBeInTheDocument();
    expect(screen.getByText(/starting with http:\/\/ or https:\/\//)).toBeInTheDocument();
    expect(server.writes()).toEqual([]);

    await user.clear(screen.getByLabelText('Index name'));
    await user.type(screen.getByLabelText('Index name'), 'mirror');
    await user.type(screen.getByLabelText('Mirrored index URL (mirror_url)'), 'https://pypi.org/simple/');
    await user.click(screen.getByRole('button', { name: 'Create index' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/indexes/alice/mirror'));
    expect(server.writes()).toEqual([
      { method: 'PUT', path: `${DEVPI}/alice/mirror`, body: { type: 'mirror', mirror_url: 'https://pypi.org/simple/', volatile: true, mirror_cache_expiry: 1800 } },
    ]);
  });
});
