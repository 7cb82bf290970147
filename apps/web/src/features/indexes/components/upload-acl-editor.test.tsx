import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { devpiError, devpiOk, fakeServer, type FakeServer } from '../../../testing/fake-server';
import { baseRoutes, DEVPI, stage, summary } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

/** A devpi double for one index that applies `acl_upload` ops like devpi does. */
function aclServer(initial: string[], refuse?: string) {
  let acl = [...initial];
  let release: (() => void) | undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const server = fakeServer({
    ...baseRoutes(),
    'GET /+dashboard/api/indexes': () => ({ body: { total: 1, owners: [{ owner: 'root', indexes: [summary('root/acme')] }] } }),
    [`GET ${DEVPI}/root/acme`]: () => devpiOk('indexconfig', stage({ acl_upload: acl })),
    [`PATCH ${DEVPI}/root/acme`]: async ({ body }) => {
      await gate;
      const [operation] = Array.isArray(body) ? body : [];
      if (typeof operation !== 'string') return devpiError(400, 'bad patch');
      if (refuse && operation.includes(refuse)) return devpiError(403, 'Access was denied to this resource.\n\n\nUnauthorized: PyPIView failed permission check\n\n');
      const [, key, kind, value = ''] = /^(\w+)([+-])=(.*)$/.exec(operation) ?? [];
      if (key === 'acl_upload') acl = kind === '+' ? [...acl.filter((entry) => entry !== value), value] : acl.filter((entry) => entry !== value);
      return devpiOk('indexconfig', stage({ acl_upload: acl }));
    },
  });
  return { server, release: () => release?.() };
}

function aclList() {
  return screen.getByRole('list', { name: 'Who may upload packages (acl_upload)' });
}

describe('upload permission editor', () => {
  it('adds a user at once as one += operation, showing it before devpi answers', async () => {
    const fake = aclServer(['alice']);
    server = fake.server;
    renderApp('/indexes/root/acme/permissions');
    const user = userEvent.setup({ delay: null });
    const form = await screen.findByRole('form', { name: 'Add uploader' });
    await user.type(within(form).getByLabelText('User name'), 'bob');
    await user.click(within(form).getByRole('button', { name: 'Add uploader' }));
    expect(within(aclList()).getByText('bob')).toBeInTheDocument();
    fake.release();
    await waitFor(() => expect(server?.writes()).toEqual([{ method: 'PATCH', path: `${DEVPI}/root/acme`, body: ['acl_upload+=bob'] }]));
  });

  it('adds :AUTHENTICATED:, :ANONYMOUS: and a :group without typing the colons', async () => {
    const fake = aclServer(['alice']);
    fake.release();
    server = fake.server;
    renderApp('/indexes/root/acme/permissions');
    const user = userEvent.setup({ delay: null });
    const form = await screen.findByRole('form', { name: 'Add uploader' });
    await user.selectOptions(within(form).getByLabelText('Who'), 'Any signed-in user (:AUTHENTICATED:)');
    await user.click(within(form).getByRole('button', { name: 'Add uploader' }));
    await user.selectOptions(within(form).getByLabelText('Who'), 'A group from an auth plugin (:group)');
    await user.type(within(form).getByLabelText('Group name'), 'ldap-devs');
    await user.click(within(form).getByRole('button', { name: 'Add uploader' }));
    await waitFor(() => expect(server?.writes().map((call) => call.body)).toEqual([['acl_upload+=:AUTHENTICATED:'], ['acl_upload+=:ldap-devs']]));
    expect(within(aclList()).getByText('members of the group ldap-devs')).toBeInTheDocument();
  });

  it('removes with one -= operation and puts the entry back, with the reason, when devpi refuses', async () => {
    const fake = aclServer(['alice', 'bob'], 'bob');
    server = fake.server;
    renderApp('/indexes/root/acme/permissions');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Remove uploader bob' }));
    expect(within(aclList()).queryByText('bob')).not.toBeInTheDocument();
    fake.release();
    expect(await screen.findByText(/Could not remove bob: Access was denied to this resource\./)).toBeInTheDocument();
    expect(within(aclList()).getByText('bob')).toBeInTheDocument();
    expect(server.writes()).toEqual([{ method: 'PATCH', path: `${DEVPI}/root/acme`, body: ['acl_upload-=bob'] }]);
  });
});
