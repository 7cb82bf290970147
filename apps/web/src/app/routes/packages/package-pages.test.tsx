import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { devpiError, fakeServer, ok, type FakeServer } from '../../../testing/fake-server';
import { baseRoutes, DEVPI } from '../../../testing/fixtures';
import { overview, project, version } from '../../../testing/package-fixtures';
import { renderApp } from '../../../testing/render-app';

const api = '/+dashboard/api/packages/alice/dev';
let server: FakeServer | undefined;
afterEach(() => {
  cleanup();
  server?.restore();
});

/** What the screen changed, as `METHOD path?query`. */
const writes = () => server?.writes().map((call) => `${call.method} ${call.path}`) ?? [];

describe('project page', () => {
  it('lists versions newest first with pre-releases and inherited versions marked', async () => {
    // root/pypi has the name, so its releases really are left out and the alert says so.
    const mirrorPage = (items: { name: string; index: string }[]) => ({ total: items.length, offset: 0, limit: 50, items, scope: 'own', query: 'acme-hello', serial: 1, fetchedAt: '2026-11-24T12:00:00.000Z' });
    server = fakeServer({
      ...baseRoutes(),
      [`GET ${api}`]: () => ok(overview()),
      [`GET ${api}/acme-hello`]: () => ok(project()),
      ['GET /+dashboard/api/packages/root/pypi/+projects']: () => ok(mirrorPage([{ name: 'Acme_Hello', index: 'root/pypi' }])),
    });
    renderApp('/browse/alice/dev/acme-hello');
    const rows = await screen.findAllByRole('row');
    expect(rows.slice(1).map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['2.0rc1 pre-release', '1.10', '1.9']);
    expect(within(rows[3] as HTMLElement).getByRole('link', { name: 'root/acme' })).toHaveAttribute('href', '/browse/root/acme');
    expect(await screen.findByText('blocked by mirror whitelist')).toBeInTheDocument();
    expect(screen.getByText(/pip install --index-url https:\/\/pypi\.example\.com\/alice\/dev\/\+simple\/ acme-hello/)).toBeInTheDocument();
  });

  it('leaves the whitelist alert out when the mirror does not have the project at all', async () => {
    const fake = fakeServer({
      ...baseRoutes(),
      [`GET ${api}`]: () => ok(overview()),
      [`GET ${api}/acme-hello`]: () => ok(project()),
      ['GET /+dashboard/api/packages/root/pypi/+projects']: () => ok({ total: 0, offset: 0, limit: 50, items: [], scope: 'own', query: 'acme-hello', serial: 1, fetchedAt: '2026-11-24T12:00:00.000Z' }),
    });
    server = fake;
    renderApp('/browse/alice/dev/acme-hello');
    await screen.findAllByRole('row');
    await waitFor(() => expect(fake.calls.some((call) => call.path.includes('root/pypi/+projects'))).toBe(true));
    expect(screen.queryByText('blocked by mirror whitelist')).not.toBeInTheDocument();
  });
});

describe('deleting a project', () => {
  it('deletes a project left with no releases once its name is typed', { timeout: 20_000 }, async () => {
    server = fakeServer({ ...baseRoutes(),
      [`GET ${api}`]: () => ok(overview({ volatile: true })),
      [`GET ${api}/acme-hello`]: () => ok(project({ versions: [] })),
      [`DELETE ${DEVPI}/alice/dev/acme-hello`]: () => ok({ message: 'project acme-hello deleted from stage alice/dev' }),
      ['GET /+dashboard/api/storage/index/alice/dev']: () => ok({ index: null, projects: [] }),
      [`GET ${api}/+projects`]: () => ok({ total: 0, offset: 0, limit: 50, items: [], scope: 'own', query: '', serial: 1, fetchedAt: '2026-11-24T12:00:00.000Z' }),
    });
    renderApp('/browse/alice/dev/acme-hello');
    expect(await screen.findByText('acme-hello has no releases left on alice/dev.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete project' }));
    const confirm = screen.getByRole('button', { name: 'Delete project acme-hello' });
    expect(confirm).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/to confirm/), 'acme-hello');
    await userEvent.click(confirm);
    await waitFor(() => expect(writes()).toEqual([`DELETE ${DEVPI}/alice/dev/acme-hello`]));
    expect(await screen.findByText('No projects on this index yet.')).toBeInTheDocument();
    expect(await screen.findByText(/Not measured yet/)).toBeInTheDocument();
  });

  it("forces on a non-volatile index and shows devpi's refusal where the user is looking", async () => {
    server = fakeServer({ ...baseRoutes(),
      [`GET ${api}`]: () => ok(overview({ volatile: false })),
      [`GET ${api}/acme-hello`]: () => ok(project()),
      [`DELETE ${DEVPI}/alice/dev/acme-hello`]: () => devpiError(403, "project <NormalizedName 'acme-hello' 'acme-hello'> is on non-volatile index alice/dev"),
    });
    renderApp('/browse/alice/dev/acme-hello');
    await userEvent.click(await screen.findByRole('button', { name: 'Delete project' }));
    expect(screen.getByText('This index is non-volatile')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/to confirm/), 'acme-hello');
    await userEvent.click(screen.getByRole('button', { name: 'Delete project acme-hello' }));
    expect(await screen.findByText(/is on non-volatile index alice\/dev/)).toBeInTheDocument();
    expect(writes()).toEqual([`DELETE ${DEVPI}/alice/dev/acme-hello?force=`]);
  });

  it('offers no deletion where every version is inherited', async () => {
    server = fakeServer({ ...baseRoutes(),
      [`GET ${api}`]: () => ok(overview()),
      [`GET ${api}/acme-hello`]: () => ok(project({ versions: project().versions.map((v) => ({ ...v, index: 'root/acme' })) })),
    });
    renderApp('/browse/alice/dev/acme-hello');
    await screen.findAllByRole('row');
    expect(screen.queryByRole('button', { name: 'Delete project' })).toBeNull();
  });
});

describe('version page', () => {
  it('shows metadata, files, dependencies and the description in its box', async () => {
    server = fakeServer({ ...baseRoutes(), [`GET ${api}`]: () => ok(overview()), [`GET ${api}/acme-hello/1.10`]: () => ok(version()) });
    renderApp('/browse/alice/dev/acme-hello/1.10');
    expect(await screen.findByRole('heading', { level: 1, name: /acme-hello 1\.10/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'acme_hello-1.10-py3-none-any.whl' })).toHaveAttribute('href', version().files[0]?.url);
    expect(screen.getByText('Wheel')).toBeInTheDocument();
    expect(screen.getByText('1.3 KB')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy the sha256 of acme_hello-1.10-py3-none-any.whl' })).toBeInTheDocument();
    expect(screen.getByText(/Uploaded by/)).toHaveTextContent('Uploaded by alice to alice/dev');
    const deps = screen.getByRole('list', { name: 'Dependencies' });
    expect(within(deps).getByRole('link', { name: 'requests' })).toHaveAttribute('href', '/browse/alice/dev/requests');
    expect(within(deps).queryByRole('link', { name: 'private-thing' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Documentation' })).toHaveAttribute('href', version().docs?.url);
    expect(screen.getByText('pip install --index-url https://pypi.example.com/alice/dev/+simple/ "acme-hello==1.10"')).toBeInTheDocument();
    const description = screen.getByTestId('description');
    expect(within(description).getByRole('heading', { name: 'Acme' })).toBeInTheDocument();
  });

  it('asks for the typed name before forcing a removal on a non-volatile index', async () => {
    server = fakeServer({ ...baseRoutes(),
      [`GET ${api}`]: () => ok(overview({ volatile: false })),
      [`GET ${api}/acme-hello/1.10`]: () => ok(version()),
      [`DELETE ${DEVPI}/alice/dev/acme-hello/1.10`]: () => ok({ message: 'deleted' }),
      [`GET ${api}/acme-hello`]: () => ok(project()),
    });
    renderApp('/browse/alice/dev/acme-hello/1.10');
    await userEvent.click(await screen.findByRole('button', { name: 'Remove version' }));
    const confirm = screen.getByRole('button', { name: 'Remove acme-hello 1.10' });
    expect(confirm).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/to confirm/), 'acme-hello==1.10');
    await userEvent.click(confirm);
    await waitFor(() => expect(writes()).toContain(`DELETE ${DEVPI}/alice/dev/acme-hello/1.10?force=`));
  });

  it('pushes a version to an index the user may upload to and shows what devpi did', async () => {
    server = fakeServer({ ...baseRoutes(),
      [`GET ${api}`]: () => ok(overview({ pushTargets: ['alice/prod', 'team/release'] })),
      [`GET ${api}/acme-hello/1.10`]: () => ok(version()),
      [`POST ${DEVPI}/alice/dev`]: () => ok({ type: 'actionlog', result: [[200, 'register', 'acme-hello', '1.10', '->', 'team/release']] }),
    });
    renderApp('/browse/alice/dev/acme-hello/1.10');
    await userEvent.click(await screen.findByRole('button', { name: 'Push to another index' }));
    await userEvent.selectOptions(screen.getByLabelText('Target index'), 'team/release');
    await userEvent.click(screen.getByRole('button', { name: 'Push to team/release' }));
    expect(await screen.findByText('200 register acme-hello 1.10 -> team/release')).toBeInTheDocument();
    expect(writes()).toContain(`POST ${DEVPI}/alice/dev`);
  });

  it('removes a single file of a volatile index without typing', async () => {
    const file = version().files[0];
    server = fakeServer({ ...baseRoutes(),
      [`GET ${api}`]: () => ok(overview({ volatile: true })),
      [`GET ${api}/acme-hello/1.10`]: () => ok(version()),
      [`DELETE ${DEVPI}/alice/dev/${file?.path ?? ''}`]: () => ok({ message: 'deleted' }),
    });
    renderApp('/browse/alice/dev/acme-hello/1.10');
    await userEvent.click(await screen.findByRole('button', { name: `Remove the file ${file?.filename ?? ''}` }));
    expect(screen.queryByLabelText(/to confirm/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: `Remove ${file?.filename ?? ''}` }));
    await waitFor(() => expect(writes()).toContain(`DELETE ${DEVPI}/alice/dev/${file?.path ?? ''}`));
  });

  it('offers no removal of an inherited version', async () => {
    server = fakeServer({ ...baseRoutes(), [`GET ${api}`]: () => ok(overview()), [`GET ${api}/acme-hello/1.9`]: () => ok(version({ version: '1.9', sourceIndex: 'root/acme' })) });
    renderApp('/browse/alice/dev/acme-hello/1.9');
    expect(await screen.findByText(/This version is inherited/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove version' })).toBeNull();
  });
});

describe('index page', () => {
  it('shows the resolution order and an upload area where the user may upload', async () => {
    server = fakeServer({ ...baseRoutes(),
      [`GET ${api}`]: () => ok(overview()),
      [`GET ${api}/+projects`]: () => ok({ total: 0, offset: 0, limit: 50, items: [], scope: 'own', query: '', serial: 1, fetchedAt: '2026-11-24T12:00:00.000Z' }),
    });
    renderApp('/browse/alice/dev');
    const order = await screen.findByRole('list', { name: 'Resolution order' });
    expect(within(order).getAllByRole('link').map((a) => a.textContent)).toEqual(['alice/dev', 'root/pypi']);
    expect(screen.getByText('Upload to alice/dev')).toBeInTheDocument();
    expect(await screen.findByText('No projects on this index yet.')).toBeInTheDocument();
  });

  it('says plainly when the index does not exist', async () => {
    server = fakeServer(baseRoutes());
    renderApp('/browse/alice/nope');
    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeInTheDocument();
  });
});
