import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { devpiError, fakeServer, type FakeServer } from '../../../testing/fake-server';
import { baseRoutes, DEVPI, session, stage, userconfig } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

async function fillCreateForm(values: { username: string; password: string; repeat: string; email?: string }) {
  const user = userEvent.setup({ delay: null });
  await user.type(await screen.findByLabelText('Username'), values.username);
  if (values.email) await user.type(screen.getByLabelText('Email'), values.email);
  if (values.password) await user.type(screen.getByLabelText('Password'), values.password);
  if (values.repeat) await user.type(screen.getByLabelText('Repeat password'), values.repeat);
  await user.click(screen.getByRole('button', { name: 'Create user' }));
  return user;
}

describe('create user form', () => {
  it("refuses devpi's forbidden characters, an empty password and a mismatch before sending anything", async () => {
    server = fakeServer(baseRoutes());
    renderApp('/users/+new');
    await fillCreateForm({ username: 'bad name!', password: '', repeat: '' });
    expect(await screen.findByText(/contains characters that aren't allowed/)).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/must not have an empty one/)).toBeInTheDocument();

    const user = userEvent.setup({ delay: null });
    await user.clear(screen.getByLabelText('Username'));
    await user.type(screen.getByLabelText('Username'), 'carol');
    await user.type(screen.getByLabelText('Password'), 'one');
    await user.type(screen.getByLabelText('Repeat password'), 'two');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('The two passwords differ.')).toBeInTheDocument();
    expect(server.writes()).toEqual([]);
  });

  it("puts devpi's 'user already exists' on the username and keeps what was typed", async () => {
    server = fakeServer({ ...baseRoutes(), [`PUT ${DEVPI}/alice`]: () => devpiError(409, 'user already exists') });
    renderApp('/users/+new');
    await fillCreateForm({ username: 'alice', email: 'a@example.com', password: 'pw', repeat: 'pw' });
    expect(await screen.findByText('user already exists')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveValue('alice');
    expect(screen.getByLabelText('Email')).toHaveValue('a@example.com');
    expect(server.writes()).toEqual([{ method: 'PUT', path: `${DEVPI}/alice`, body: { password: 'pw', email: 'a@example.com' } }]);
  });

  it('creates the user and opens their page', async () => {
    server = fakeServer({
      ...baseRoutes(),
      [`PUT ${DEVPI}/carol`]: () => ({ status: 201, ...userconfig('carol') }),
      [`GET ${DEVPI}/carol`]: () => userconfig('carol', { email: 'c@example.com' }),
    });
    const { router } = renderApp('/users/+new');
    await fillCreateForm({ username: 'carol', password: 'secret', repeat: 'secret' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/users/carol'));
    expect(await screen.findByRole('heading', { name: 'carol', level: 1 })).toBeInTheDocument();
  });
});

describe('edit user form', () => {
  it('sends only the fields that changed', async () => {
    server = fakeServer({
      ...baseRoutes(),
      [`GET ${DEVPI}/alice`]: () => userconfig('alice', { email: 'old@example.com', title: 'Alice' }),
      [`PATCH ${DEVPI}/alice`]: () => ({ body: { message: 'user updated' } }),
    });
    renderApp('/users/alice/edit');
    const user = userEvent.setup({ delay: null });
    const email = await screen.findByLabelText('Email');
    await user.clear(email);
    await user.type(email, 'new@example.com');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(server?.writes()).toEqual([{ method: 'PATCH', path: `${DEVPI}/alice`, body: { email: 'new@example.com' } }]));
  });
});

describe('password form', () => {
  it('sets a password typed twice and explains a refusal next to the form', async () => {
    server = fakeServer({
      ...baseRoutes(session({ user: 'bob', isRoot: false })),
      [`GET ${DEVPI}/alice`]: () => userconfig('alice'),
      [`PATCH ${DEVPI}/alice`]: () => devpiError(403, 'no permission to modify user <devpi_server.model.User object at 0x7f>'),
    });
    renderApp('/users/alice/password');
    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText('New password'), 'pw1');
    await user.type(screen.getByLabelText('Repeat new password'), 'pw1');
    await user.click(screen.getByRole('button', { name: 'Set password for alice' }));
    expect(await screen.findByText(/devpi refused: no permission to modify user this user/)).toBeInTheDocument();
    expect(server.writes()).toEqual([{ method: 'PATCH', path: `${DEVPI}/alice`, body: { password: 'pw1' } }]);
  });
});

describe('root password warning', () => {
  it('shows on every screen while root has an empty password and sets one in one step', async () => {
    let empty = true;
    server = fakeServer({
      ...baseRoutes(),
      'GET /+dashboard/api/session': () => ({ body: session({ rootPasswordEmpty: empty }) }),
      'GET /+dashboard/api/indexes': () => ({ body: { total: 0, owners: [] } }),
      [`PATCH ${DEVPI}/root`]: () => {
        empty = false;
        return { body: { type: 'userpassword', result: { password: 'token', expiration: 36000 }, message: 'user updated, new proxy auth' } };
      },
    });
    renderApp('/indexes');
    const banner = (await screen.findByText('root has no password')).closest('.alert');
    if (!(banner instanceof HTMLElement)) throw new Error('no banner');
    const user = userEvent.setup({ delay: null });
    await user.type(within(banner).getByLabelText('New password'), 's3cret');
    await user.type(within(banner).getByLabelText('Repeat new password'), 's3cret');
    await user.click(within(banner).getByRole('button', { name: 'Set root password' }));
    await waitFor(() => expect(screen.queryByText('root has no password')).not.toBeInTheDocument());
    expect(server.writes()).toEqual([{ method: 'PATCH', path: `${DEVPI}/root`, body: { password: 's3cret' } }]);
  });
});

describe('delete user', () => {
  it('names the non-volatile index that blocks deletion', async () => {
    server = fakeServer({ ...baseRoutes(), [`GET ${DEVPI}/alice`]: () => userconfig('alice', { indexes: { prod: stage({ volatile: false }), dev: stage() } }) });
    renderApp('/users/alice');
    const blocker = (await screen.findByText('This user cannot be deleted yet')).closest('.alert');
    if (!(blocker instanceof HTMLElement)) throw new Error('no blocker');
    expect(within(blocker).getByRole('link', { name: 'alice/prod' })).toHaveAttribute('href', '/indexes/alice/prod/edit');
    expect(within(blocker).queryByText('alice/dev')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete user alice' })).toBeDisabled();
  });

  it('deletes only after the name is typed', async () => {
    server = fakeServer({
      ...baseRoutes(),
      [`GET ${DEVPI}/bob`]: () => userconfig('bob', { indexes: { dev: stage() } }),
      [`DELETE ${DEVPI}/bob`]: () => ({ body: { message: "user 'bob' deleted" } }),
      'GET /+dashboard/api/users': () => ({ body: { total: 0, offset: 0, limit: 50, items: [] } }),
    });
    const { router } = renderApp('/users/bob');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Delete user bob' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('bob/dev')).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Delete user bob' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type bob to confirm'), 'bob');
    expect(server.writes()).toEqual([]);
    await user.click(confirm);
    await waitFor(() => expect(router.state.location.pathname).toBe('/users'));
    expect(server.writes()).toEqual([{ method: 'DELETE', path: `${DEVPI}/bob`, body: undefined }]);
  });
});
