import { isStageIndex, type DevpiClient } from '@devpi-dashboard/devpi-client';
import { historyChangeSchema, type HistoryOutcome } from '@devpi-dashboard/dashboard-api';
import { z } from 'zod';
import type { HistoryRow } from './history-store.js';

const changes = z.array(historyChangeSchema).catch([]);

function parsedChanges(row: HistoryRow) {
  try {
    return changes.parse(JSON.parse(row.changes));
  } catch {
    return [];
  }
}

const seen = (visible: boolean, fact: string): HistoryOutcome => ({
  state: visible ? 'ok' : 'failed',
  status: null,
  message: `reconciled against devpi: ${visible ? fact : `devpi does not show that ${fact}`}`,
});

/**
 * What devpi's present state says about an intent whose outcome never came (the replica died in
 * between). Only changes whose effect can be read back are settled; the rest stay "unknown".
 */
export async function reconcileEntry(devpi: DevpiClient, row: HistoryRow): Promise<HistoryOutcome | undefined> {
  const [owner = '', name = ''] = (row.target_index ?? '').split('/');
  const user = row.target_user ?? '';
  switch (row.action) {
    case 'user.create':
      return seen((await devpi.getUser(user)) !== undefined, `user ${user} exists`);
    case 'user.delete':
      return seen((await devpi.getUser(user)) === undefined, `user ${user} is gone`);
    case 'index.create':
      return seen((await devpi.getIndex(owner, name, { noProjects: true })) !== undefined, `index ${row.target_index ?? ''} exists`);
    case 'index.delete':
      return seen((await devpi.getIndex(owner, name, { noProjects: true })) === undefined, `index ${row.target_index ?? ''} is gone`);
    case 'acl.add':
    case 'acl.remove': {
      const config = await devpi.getIndex(owner, name, { noProjects: true });
      const change = parsedChanges(row)[0];
      if (config === undefined || change === undefined || !isStageIndex(config)) return undefined;
      const list: unknown = Reflect.get(config, change.key);
      const present = Array.isArray(list) && list.includes(change.value);
      const adding = row.action === 'acl.add';
      return seen(present === adding, `${String(change.value)} is ${adding ? 'in' : 'not in'} ${change.key}`);
    }
    case 'release.remove': {
      const version = row.target_version ?? '';
      const found = await devpi.getVersion(owner, name, row.target_project ?? '', version);
      return seen(found === undefined, `version ${version} is gone`);
    }
    default:
      return undefined;
  }
}
