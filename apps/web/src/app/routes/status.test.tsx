import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { devpiOk, fakeServer, type FakeServer } from '../../testing/fake-server';
import { baseRoutes, DEVPI, session } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

describe('Server status', () => {
  it('shows the health devpi-admin leaves anonymous callers, and where to see the rest', async () => {
    const anonymous = session({ authenticated: false, user: null, isRoot: false });
    server = fakeServer({ ...baseRoutes(anonymous), [`GET ${DEVPI}/+status`]: () => devpiOk('status', { status: 'ok' }) });
    renderApp('/status');
    expect(await screen.findByText('devpi says it is up.')).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', expect.stringContaining('/login?next=%2Fstatus'));
    expect(screen.queryByText('Serial')).not.toBeInTheDocument();
  });

  it('says so when devpi reports a fatal problem', async () => {
    server = fakeServer({ ...baseRoutes(), [`GET ${DEVPI}/+status`]: () => devpiOk('status', { status: 'fatal' }) });
    renderApp('/status');
    expect(await screen.findByText('devpi reports a fatal problem.')).toBeInTheDocument();
  });
});
