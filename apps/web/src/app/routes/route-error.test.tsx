import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeServer, ok, type FakeServer } from '../../testing/fake-server';
import { baseRoutes } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

// The fake server answers 404 to anything it has no route for, as the BFF and devpi do.
describe('the one route error boundary', () => {
  it.each([
    ['/users/nobody', 'devpi has no user called “nobody”.'],
    ['/users/nobody/edit', 'devpi has no user called “nobody”.'],
    ['/indexes/alice/nope', 'devpi has no index called “alice/nope”.'],
    ['/indexes/alice/nope/permissions', 'devpi has no index called “alice/nope”.'],
    ['/indexes/alice/nope/json', 'devpi has no index called “alice/nope”.'],
  ])('says plainly that %s does not exist', async (path, message) => {
    server = fakeServer({ ...baseRoutes(), 'GET /+dashboard/api/indexes': () => ok({ total: 0, owners: [] }) });
    renderApp(path);
    const alert = await screen.findByRole('alert');
    expect(screen.getByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
    expect(alert).toHaveTextContent(message);
  });

  it('waits out devpi on package pages too, with a way to try again', async () => {
    const away = { status: 502, body: { error: { code: errorCodes.devpiUnavailable, message: 'devpi cannot be reached right now.', status: 502 } } };
    server = fakeServer({ ...baseRoutes(), 'GET /+dashboard/api/packages/alice/dev': () => away });
    renderApp('/browse/alice/dev');
    expect(await screen.findByRole('heading', { level: 1, name: 'devpi is not answering' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
