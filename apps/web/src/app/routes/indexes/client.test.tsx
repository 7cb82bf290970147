import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { devpiOk, fakeServer, ok, type FakeServer, type Route } from '../../../testing/fake-server';
import { baseRoutes, DEVPI, session, stage } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const TOKEN = 'devpi-AgEAAg5hbGljZS1LeTM0bmhBVgACDmFsbG93ZWQ9dXBsb2FkAAISZXhwaXJlcz0xNzk2MTYwNjI1AAIRaW5kZXhlcz1yb290L2FjbWUAAAYgEMA2w9QREtWDH1uC';

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

function serve(routes: Record<string, Route>) {
  server = fakeServer({ ...baseRoutes(session({ user: 'alice', isRoot: false })), [`GET ${DEVPI}/alice/dev`]: () => devpiOk('indexconfig', stage()), ...routes });
  return server;
}

describe('client configuration with a token', { timeout: 20_000 }, () => {
  it('mints a token scoped to the index and fills it into the tool setups instead of a password', async () => {
    const fake = serve({
      'GET /+dashboard/api/tokens/alice': () => ok({ plugin: true, user: 'alice', tokens: [] }),
      'POST /+dashboard/api/tokens/alice': () =>
        ok({ token: TOKEN, summary: { id: 'Ky34nhAV', restrictions: [], allowed: ['pkg_read', 'upload'], indexes: ['alice/dev'], projects: null, expires: '2026-12-31T00:00:00.000Z', notBefore: null, expired: false, other: [] } }),
    });
    renderApp('/indexes/alice/dev/client');
    const heading = await screen.findByRole('heading', { name: 'Use a token instead of a password' });
    const offer = heading.closest('section') ?? document.body;
    await userEvent.click(within(offer).getByRole('radio', { name: 'Install and upload' }));
    await userEvent.click(within(offer).getByRole('button', { name: 'Create a token for alice/dev' }));
    const created = await screen.findByRole('region', { name: 'Token Ky34nhAV for alice' });
    expect(fake.writes()[0]?.body).toMatchObject({ allowed: ['pkg_read', 'upload'], indexes: ['alice/dev'] });
    expect(within(created).getByRole('region', { name: 'twine' })).toHaveTextContent(`export TWINE_PASSWORD=${TOKEN}`);
    expect(screen.queryByRole('heading', { name: 'Use a token instead of a password' })).not.toBeInTheDocument();
  });

  it('keeps the password setups and says why when devpi has no token plugin', async () => {
    serve({ 'GET /+dashboard/api/tokens/alice': () => ok({ plugin: false, user: 'alice' }) });
    renderApp('/indexes/alice/dev/client');
    expect(await screen.findByText(/devpi runs without the devpi-tokens plugin, so these use a password/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'pip.conf' })).toBeInTheDocument();
  });
});
