import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionExpiredHandler } from './session-expired';
import { queryClient } from '../lib/query-client';
import { setSessionExpiredHandler } from '../lib/session-expiry';
import { fakeServer, type FakeServer } from '../testing/fake-server';
import { baseRoutes, session } from '../testing/fixtures';
import { renderApp } from '../testing/render-app';

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
  setSessionExpiredHandler(() => undefined);
});

const anonymous = session({ authenticated: false, user: null, isRoot: false, rootPasswordEmpty: null });

describe('sign in', () => {
  it('says "wrong user name or password" next to the password and keeps the user name', async () => {
    server = fakeServer({
      ...baseRoutes(anonymous),
      'POST /+dashboard/api/session': () => ({ status: 401, body: { error: { code: errorCodes.invalidCredentials, message: 'Wrong user name or password.', status: 401 } } }),
    });
    renderApp('/login');
    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText('User name'), 'alice');
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Wrong user name or password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('User name')).toHaveValue('alice');
    expect(server.writes()).toEqual([{ method: 'POST', path: '/+dashboard/api/session', body: { user: 'alice', password: 'nope' } }]);
  });

  it('returns to where the user was, and shows who is signed in', async () => {
    let who = anonymous;
    server = fakeServer({
      ...baseRoutes(),
      'GET /+dashboard/api/session': () => ({ body: who }),
      'POST /+dashboard/api/session': () => {
        who = session({ user: 'alice', isRoot: false });
        return { body: who };
      },
      'GET /+dashboard/api/indexes': () => ({ body: { total: 0, owners: [] } }),
    });
    const { router } = renderApp('/login?next=%2Findexes');
    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText('User name'), 'alice');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/indexes'));
    expect(await screen.findByText('Signed in as')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'alice' })).toHaveAttribute('href', '/users/alice');
  });

  it('sends the user to sign in, with where they were, when the BFF says the session expired', async () => {
    server = fakeServer({
      ...baseRoutes(),
      'GET /+dashboard/api/indexes': () => ({ status: 401, body: { error: { code: errorCodes.sessionExpired, message: 'Your session ended.', status: 401 } } }),
    });
    const { router } = renderApp('/indexes');
    setSessionExpiredHandler(sessionExpiredHandler((to) => router.navigate(to), queryClient, () => `${router.state.location.pathname}${router.state.location.search}`));
    await waitFor(() => expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/login?next=%2Findexes'));
    expect(await screen.findByText('Sign in to continue where you were.')).toBeInTheDocument();
  });
});
