import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { indexKeys } from '../features/indexes/api/indexes';
import { queryClient } from '../lib/query-client';
import { fakeServer, ok, type Answer, type FakeServer } from '../testing/fake-server';
import { baseRoutes, summary } from '../testing/fixtures';
import { renderApp } from '../testing/render-app';

let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

/** The BFF's answer while devpi is away, exactly as apps/bff/src/errors.ts sends it. */
const devpiAway: Answer = {
  status: 502,
  body: { error: { code: errorCodes.devpiUnavailable, message: 'devpi cannot be reached right now. Try again in a moment.', status: 502 } },
};

const indexList = (...names: string[]) => ok({ total: names.length, owners: [{ owner: 'alice', indexes: names.map((name) => summary(name)) }] });

/** A fake BFF whose index list answers per `state`: devpi away, the BFF itself unreachable, or up. */
function outageServer(state: { now: 'devpi-away' | 'server-away' | 'up' }, names: () => string[] = () => ['alice/dev']) {
  return fakeServer({
    ...baseRoutes(),
    'GET /+dashboard/api/indexes': () => {
      if (state.now === 'server-away') throw new TypeError('Failed to fetch');
      return state.now === 'devpi-away' ? devpiAway : indexList(...names());
    },
  });
}

const LONG = { timeout: 5_000 };

describe('a screen whose data could not load because someone is not answering', () => {
  it('says devpi is not answering, and shows the screen by itself when devpi is back (online event)', async () => {
    const state: { now: 'devpi-away' | 'up' } = { now: 'devpi-away' };
    server = outageServer(state);
    const { router } = renderApp('/indexes');
    const alert = await screen.findByRole('alert', {}, LONG);
    expect(alert).toHaveTextContent('devpi is not answering');
    expect(alert).toHaveTextContent('devpi cannot be reached right now.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();

    state.now = 'up';
    act(() => void window.dispatchEvent(new Event('online')));
    expect(await screen.findByRole('link', { name: 'alice/dev' }, LONG)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Same place, no navigation happened: the loader was simply run again.
    expect(router.state.location.pathname).toBe('/indexes');
    expect(router.state.historyAction).toBe('POP');
  });

  it('keeps retrying on its own with backoff until devpi answers', async () => {
    const state: { now: 'devpi-away' | 'up' } = { now: 'devpi-away' };
    server = outageServer(state);
    renderApp('/indexes');
    await screen.findByRole('heading', { name: 'devpi is not answering' }, LONG);
    const tries = () => server?.calls.filter((call) => call.path === '/+dashboard/api/indexes').length ?? 0;
    const before = tries();
    // No event, no click: the boundary's own timer runs the loader again.
    await waitFor(() => expect(tries()).toBeGreaterThan(before), LONG);
    state.now = 'up';
    expect(await screen.findByRole('link', { name: 'alice/dev' }, { timeout: 8_000 })).toBeInTheDocument();
  }, 15_000);

  it('says the dashboard server is not answering when fetch itself fails, and "Try again" brings the screen', async () => {
    const state: { now: 'server-away' | 'up' } = { now: 'server-away' };
    server = outageServer(state);
    const { router } = renderApp('/indexes');
    expect(await screen.findByRole('heading', { name: 'The dashboard server is not answering' }, LONG)).toBeInTheDocument();

    state.now = 'up';
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'alice/dev' }, LONG)).toBeInTheDocument();
    expect(router.state.historyAction).toBe('POP');
  });
});

const bannerText = /^devpi is not answering; showing data from .+\. Retrying\.$/;
const banner = () => screen.queryByText((_, element) => element?.tagName === 'P' && bannerText.test(element.textContent.replace(/\s+/g, ' ').trim()));

describe('the status banner for data already on screen', () => {
  it('says the data is getting old while background refreshes fail, and clears itself when one succeeds', async () => {
    const state: { now: 'devpi-away' | 'up' } = { now: 'up' };
    let names = ['alice/dev'];
    server = outageServer(state, () => names);
    const { router } = renderApp('/indexes');
    await screen.findByRole('link', { name: 'alice/dev' });
    expect(banner()).toBeNull();

    state.now = 'devpi-away';
    await act(() => queryClient.invalidateQueries({ queryKey: indexKeys.all }));
    await waitFor(() => expect(banner()).not.toBeNull(), LONG);
    expect(banner()?.closest('[role="status"]')).not.toBeNull();
    // The screen keeps what it had rather than an error.
    expect(screen.getByRole('link', { name: 'alice/dev' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    state.now = 'up';
    names = ['alice/dev', 'alice/new'];
    act(() => void window.dispatchEvent(new Event('online')));
    expect(await screen.findByRole('link', { name: 'alice/new' }, LONG)).toBeInTheDocument();
    await waitFor(() => expect(banner()).toBeNull());
    expect(router.state.historyAction).toBe('POP');
    expect(server.writes()).toEqual([]);
  });
});
