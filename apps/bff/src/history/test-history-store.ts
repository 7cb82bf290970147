import { openHistory } from './open-history.js';

/** A migrated in-memory history for tests; `close` also simulates the store going down. */
export async function openTestHistory() {
  return openHistory(':memory:');
}
