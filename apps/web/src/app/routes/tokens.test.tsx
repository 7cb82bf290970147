import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeServer, ok, type FakeServer, type Route } from '../../testing/fake-server';
import { baseRoutes, session, summary } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const TOKEN = 'devpi-AgEAAg5hbGljZS1LeTM0bmhBVgACDmFsbG93ZWQ9dXBsb2FkAAISZXhwaXJlcz0xNzk2MTYwNjI1AAIRaW5kZXhlcz1yb290L2FjbWUAAAYgEMA2w9QREtWDH1uC';
const tokenSummary = {
  id: 'Ky34nhAV',
  restrictions: ['allowed=pkg_read,upload', 'expires=1796160625', 'indexes=alice/dev'],
  allowed: ['pkg_read', 'upload'],
  indexes: ['alice/dev'],
  projects: null,
  expires: '2026-12-01T21:30:25.000Z',
  notBefore: null,
  expired: false,
  other: [],
};

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

function serve(routes: Record<string, Route>, who = session({ user: 'alice', isRoot: false })) {
  server = fakeServer({ ...baseRoutes(who), 'GET /+dashboard/api/indexes': () => ok({ total: 1, owners: [{ owner: 'alice', indexes: [summary('alice/dev')] }] }), ...routes });
  return server;
}

describe('Tokens screen', { timeout: 20_000 }, () => {
  it('says when devpi runs without devpi-tokens and how to add it', async () => {
    serve({ 'GET /+dashboard/api/tokens/alice': () => ok({ plugin: false, user: 'alice' }) });
    renderApp('/tokens');
    expect(await screen.findByText('devpi runs without the devpi-tokens plugin')).toBeInTheDocument();
    expect(screen.getByText(/pip install devpi-tokens==1\.0\.1/)).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('creates a token with its restrictions, shows it once with tool setups, then forgets it', async () => {
    let tokens: unknown[] = [];
    const fake = serve({
      'GET /+dashboard/api/tokens/alice': () => ok({ plugin: true, user: 'alice', tokens }),
      'POST /+dashboard/api/tokens/alice': () => {
        tokens = [tokenSummary];
        return ok({ token: TOKEN, summary: tokenSummary });
      },
    });
    renderApp('/tokens');
    const form = await screen.findByRole('form', { name: 'Create a token for alice' });
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Upload releases (twine upload)' }));
    await userEvent.type(within(form).getByLabelText('Only on these indexes'), 'alice/dev{Enter}');
    await userEvent.selectOptions(within(form).getByLabelText('Expires'), '1d');
    await userEvent.click(within(form).getByRole('button', { name: 'Create token' }));

    const created = await screen.findByRole('region', { name: 'Token Ky34nhAV for alice' });
    const body = fake.writes()[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ allowed: ['pkg_read', 'upload'], indexes: ['alice/dev'] });
    expect(typeof body['expires']).toBe('number');
    expect(within(created).getByLabelText('The new token')).toHaveTextContent(TOKEN);
    expect(within(created).getByRole('region', { name: 'twine' })).toHaveTextContent(`export TWINE_PASSWORD=${TOKEN}`);
    expect(within(created).getByRole('region', { name: 'pip' })).toHaveTextContent(`PIP_INDEX_URL=https://alice:${TOKEN}@devpi.example.com/alice/dev/+simple/`);
    for (const tool of ['uv', 'poetry', '.pypirc']) expect(within(created).getByRole('region', { name: tool })).toHaveTextContent(TOKEN);
    expect(await screen.findByRole('table', { name: 'Tokens of alice' })).toHaveTextContent('alice/dev');

    await userEvent.click(within(created).getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByText(TOKEN, { exact: false })).not.toBeInTheDocument();
  });

  it('offers never only to root, and maps the field errors of the BFF back onto the field', async () => {
    const fake = serve({
      'GET /+dashboard/api/tokens/alice': () => ok({ plugin: true, user: 'alice', tokens: [] }),
      'POST /+dashboard/api/tokens/alice': () => ({ status: 400, body: { error: { code: 'invalid_request', message: 'Some fields are missing or invalid.', status: 400, details: { fields: { 'indexes.0': 'must be user/index' } } } } }),
    });
    renderApp('/tokens');
    const form = await screen.findByRole('form', { name: 'Create a token for alice' });
    expect(within(form).queryByRole('option', { name: 'Never (root only)' })).not.toBeInTheDocument();
    await userEvent.type(within(form).getByLabelText('Only on these indexes'), 'nonsense{Enter}');
    await userEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(await within(form).findByText('must be user/index (entry 1)')).toBeInTheDocument();
    expect(fake.writes()).toHaveLength(1);
  });

  it('revokes a token after a confirmation', async () => {
    let tokens: unknown[] = [tokenSummary];
    const fake = serve({
      'GET /+dashboard/api/tokens/alice': () => ok({ plugin: true, user: 'alice', tokens }),
      'DELETE /+dashboard/api/tokens/alice/Ky34nhAV': () => {
        tokens = [];
        return ok({ message: 'token Ky34nhAV deleted' });
      },
    });
    renderApp('/tokens');
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke token Ky34nhAV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke token Ky34nhAV?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke token Ky34nhAV' }));
    expect(await screen.findByText('alice has no tokens.')).toBeInTheDocument();
    expect(fake.writes().map((call) => `${call.method} ${call.path}`)).toEqual(['DELETE /+dashboard/api/tokens/alice/Ky34nhAV']);
  });

  it("tells a user why devpi refuses to list their tokens under --restrict-modify", async () => {
    serve({
      'GET /+dashboard/api/tokens/alice': () => ({ status: 403, body: { error: { code: 'devpi_error', message: 'Unauthorized: user_tokens_info failed permission check', status: 403 } } }),
    });
    renderApp('/tokens');
    expect(await screen.findByText(/only the users named there may/)).toBeInTheDocument();
  });

  it('lets root pick whose tokens', async () => {
    serve({ 'GET /+dashboard/api/tokens/bob': () => ok({ plugin: true, user: 'bob', tokens: [] }) }, session());
    renderApp('/tokens?user=bob');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tokens of bob' })).toBeInTheDocument();
    expect(screen.getByLabelText('Tokens of')).toHaveValue('bob');
    expect(within(screen.getByLabelText('Expires')).getByRole('option', { name: 'Never (root only)' })).toBeInTheDocument();
  });
});
