import { cleanup, screen, waitFor } from '@testing-library/react';
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

const matrix = {
  indexes: [{ name: 'root/acme', type: 'stage' }, { name: 'bob/dev', type: 'stage' }, { name: 'root/pypi', type: 'mirror' }],
  totalUsers: 2,
  offset: 0,
  limit: 50,
  rows: [
    { user: 'alice', cells: [{ index: 'root/acme', allowed: true, reason: 'acl_user' }, { index: 'bob/dev', allowed: true, reason: 'acl_authenticated' }, { index: 'root/pypi', allowed: false, reason: 'mirror' }] },
    { user: 'carol', cells: [{ index: 'root/acme', allowed: false, reason: 'not_listed' }, { index: 'bob/dev', allowed: true, reason: 'acl_authenticated' }, { index: 'root/pypi', allowed: false, reason: 'mirror' }] },
  ],
};

function routes(patch: () => ReturnType<typeof devpiOk>) {
  return {
    ...baseRoutes(),
    'GET /+dashboard/api/indexes': () => ({ body: { total: 2, owners: [{ owner: 'root', indexes: [summary('root/acme')] }] } }),
    'GET /+dashboard/api/permissions/upload-matrix': () => ({ body: matrix }),
    [`PATCH ${DEVPI}/root/acme`]: patch,
    'GET /+dashboard/api/permissions/upload-explain': () => ({
      body: {
        user: 'carol', index: 'root/acme', userExists: true, allowed: false, reason: 'not_listed', aclUpload: ['alice'],
        explanation: 'carol is not in acl_upload of root/acme, which allows alice.', remedies: ['Add carol to acl_upload of root/acme.'],
      },
    }),
  };
}

describe('users x indexes matrix', () => {
  it('grants with one += operation and flips the cell at once', async () => {
    let granted = false;
    server = fakeServer({
      ...routes(() => {
        granted = true;
        return devpiOk('indexconfig', stage({ acl_upload: ['alice', 'carol'] }));
      }),
      'GET /+dashboard/api/permissions/upload-matrix': () => ({
        body: granted ? { ...matrix, rows: [matrix.rows[0], { ...matrix.rows[1], cells: [{ index: 'root/acme', allowed: true, reason: 'acl_user' }, ...(matrix.rows[1]?.cells.slice(1) ?? [])] }] } : matrix,
      }),
    });
    renderApp('/permissions');
    const user = userEvent.setup({ delay: null });
    const cell = await screen.findByRole('button', { name: 'Allow carol to upload to root/acme' });
    expect(cell).toHaveAttribute('aria-pressed', 'false');
    await user.click(cell);
    expect(await screen.findByRole('button', { name: 'Revoke upload to root/acme from carol' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(server?.writes()).toEqual([{ method: 'PATCH', path: `${DEVPI}/root/acme`, body: ['acl_upload+=carol'] }]));
    expect(screen.queryByRole('button', { name: /bob\/dev/ })).not.toBeInTheDocument();
  });

  it('flips back and says why when devpi refuses', async () => {
    server = fakeServer(routes(() => devpiError(403, 'Access was denied to this resource.')));
    renderApp('/permissions');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Revoke upload to root/acme from alice' }));
    expect(await screen.findByText("Could not revoke alice's upload to root/acme: Access was denied to this resource.")).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Revoke upload to root/acme from alice' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('answers "why can\'t carol upload to root/acme?" in plain words', async () => {
    server = fakeServer(routes(() => devpiOk('indexconfig', stage())));
    renderApp('/permissions?user=carol&index=root/acme');
    expect(await screen.findByText('carol cannot upload to root/acme.')).toBeInTheDocument();
    expect(screen.getByText('Add carol to acl_upload of root/acme.')).toBeInTheDocument();
  });
});
