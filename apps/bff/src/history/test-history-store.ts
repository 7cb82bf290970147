import { createStore, type StoreConfig } from '../store/index.js';
import { HistoryStore } from './history-store.js';

/** A migrated history on the given store location; `close` also simulates the store going down. */
export async function openTestHistory(config: StoreConfig) {
  const store = await createStore(config);
  return { store: new HistoryStore(store), close: () => store.close() };
}
