import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { HISTORY_COUNT_CAP } from '@devpi-dashboard/dashboard-api';
import { forEachDialect } from '../test-support/store-dialects.js';
import type { ClassifiedAction } from './classify.js';
import { openTestHistory } from './test-history-store.js';

const T0 = Date.UTC(2026, 0, 1);

forEachDialect('HistoryStore queries', (dialect) => {
  let history: Awaited<ReturnType<typeof openTestHistory>>;
  afterAll(() => dialect.cleanup());
  beforeEach(async () => {
    history = await openTestHistory(await dialect.freshConfig());
  });
  afterEach(() => history.close());

  const record = (requestId: string, minute: number, actor: string, actions: ClassifiedAction[]) =>
    history.store.recordIntent({ requestId, at: new Date(T0 + minute * 60_000), actor, clientAddress: null, replica: 'r', source: 'dashboard', actions });
  const aclOn = (index: string): ClassifiedAction => ({ action: 'acl.add', target: { index }, changes: [] });

  it('shows a user what they did and what happened to their indexes, each entry once, newest first', async () => {
    await record('by-alice-on-bob', 1, 'alice', [aclOn('bob/dev')]);
    await record('by-alice-on-alice', 2, 'alice', [aclOn('alice/dev')]);
    await record('by-bob-on-alice', 3, 'bob', [aclOn('alice/prod')]);
    await record('by-carol-on-carol', 4, 'carol', [aclOn('carol/dev')]);
    await record('by-root-on-alice-user', 5, 'root', [{ action: 'user.modify', target: { user: 'alice' }, changes: [] }]);
    const alice = await history.store.list({}, { kind: 'user', user: 'alice' }, 0, 50);
    expect(alice.rows.map((row) => row.request_id)).toEqual(['by-bob-on-alice', 'by-alice-on-alice', 'by-alice-on-bob']);
    expect(alice).toMatchObject({ total: 3, capped: false });
    // The user filter (the account or its indexes) combined with the viewer's own restriction.
    const aboutAlice = await history.store.list({ user: 'alice' }, { kind: 'user', user: 'alice' }, 0, 50);
    expect(aboutAlice.rows.map((row) => row.request_id)).toEqual(['by-bob-on-alice', 'by-alice-on-alice']);
    const rootAboutAlice = await history.store.list({ user: 'alice' }, { kind: 'all' }, 0, 50);
    expect(rootAboutAlice.rows.map((row) => row.request_id)).toEqual(['by-root-on-alice-user', 'by-bob-on-alice', 'by-alice-on-alice']);
    const secondPage = await history.store.list({}, { kind: 'user', user: 'alice' }, 1, 1);
    expect(secondPage.rows.map((row) => row.request_id)).toEqual(['by-alice-on-alice']);
    expect(secondPage.total).toBe(3);
  });

  it('writes every column of an intent the same way whether its INSERT is built anew or reused', async () => {
    const actions = (user: string): ClassifiedAction[] => [
      { action: 'user.modify', target: { user }, changes: [{ key: 'email', op: 'set', before: 'a@example.com', after: 'b@example.com' }] },
      { action: 'release.remove', target: { index: `${user}/dev`, project: 'Acme_Widgets', version: '1.0' }, changes: [] },
    ];
    // The first two-action intent builds the statement, the second reuses it with other values.
    await record('first', 1, 'alice', actions('alice'));
    await history.store.recordIntent({ requestId: 'second', at: new Date(T0 + 2 * 60_000), actor: null, clientAddress: '10.0.0.7', replica: 'r2', source: 'devpi', actions: actions('bob'), jobId: 'job-1' });
    const rows = (await history.store.list({}, { kind: 'all' }, 0, 50)).rows.filter((row) => row.request_id === 'second').sort((a, b) => a.seq - b.seq);
    expect(rows.map(({ id, seq, actor, client_address, replica, source, job_id, action, target_user, target_index, index_owner, target_project, project_key, target_version, outcome, changes }) =>
      ({ id, seq, actor, client_address, replica, source, job_id, action, target_user, target_index, index_owner, target_project, project_key, target_version, outcome, changes: JSON.parse(changes) as unknown }))).toEqual([
      { id: 'second:0', seq: 0, actor: null, client_address: '10.0.0.7', replica: 'r2', source: 'devpi', job_id: 'job-1', action: 'user.modify', target_user: 'bob', target_index: null, index_owner: null, target_project: null, project_key: null, target_version: null, outcome: 'unknown', changes: [{ key: 'email', op: 'set', before: 'a@example.com', after: 'b@example.com' }] },
      { id: 'second:1', seq: 1, actor: null, client_address: '10.0.0.7', replica: 'r2', source: 'devpi', job_id: 'job-1', action: 'release.remove', target_user: null, target_index: 'bob/dev', index_owner: 'bob', target_project: 'Acme_Widgets', project_key: 'acme-widgets', target_version: '1.0', outcome: 'unknown', changes: [] },
    ]);
  });

  it('counts exactly up to the cap and says "more" beyond it', async () => {
    const batch = 500;
    for (let n = 0; n * batch <= HISTORY_COUNT_CAP; n++) {
      await record(`bulk-${n}`, n, 'root', Array.from({ length: batch }, (_, seq) => aclOn(`root/i${seq % 7}`)));
    }
    const everything = await history.store.list({}, { kind: 'all' }, 0, 50);
    expect(everything).toMatchObject({ total: HISTORY_COUNT_CAP, capped: true });
    expect(everything.rows).toHaveLength(50);
    const oneIndex = await history.store.list({ index: 'root/i3' }, { kind: 'all' }, 0, 50);
    // 3 requests of 500 actions, 71 of each request's on root/i3 (seq 3, 10, … 493).
    expect(oneIndex).toMatchObject({ total: 3 * 71, capped: false });
    const deep = await history.store.list({}, { kind: 'all' }, HISTORY_COUNT_CAP, 100);
    expect(deep).toMatchObject({ total: HISTORY_COUNT_CAP + 100, capped: true });
    const last = await history.store.list({}, { kind: 'all' }, 3 * batch - 10, 100);
    expect(last).toMatchObject({ total: 3 * batch, capped: false });
    expect(last.rows).toHaveLength(10);
  });

  it('exports every matching entry once, in page order, across batches that split one request and one time', async () => {
    await record('a', 1, 'alice', [aclOn('alice/dev'), aclOn('alice/prod'), aclOn('alice/x')]);
    await record('b', 1, 'alice', [aclOn('bob/dev')]);
    await record('c', 2, 'bob', [aclOn('alice/dev'), aclOn('bob/dev')]);
    await record('d', 0, 'carol', [aclOn('carol/dev')]);
    const page = await history.store.list({}, { kind: 'user', user: 'alice' }, 0, 50);
    const exported = [];
    for await (const row of history.store.each({}, { kind: 'user', user: 'alice' }, 2)) exported.push(row.id);
    expect(exported).toEqual(page.rows.map((row) => row.id));
    expect(exported).toEqual(['c:0', 'b:0', 'a:2', 'a:1', 'a:0']);
  });
});
