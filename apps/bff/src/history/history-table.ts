/**
 * One row per recorded action. Times are ISO-8601 UTC text (`toISOString`, fixed width), which
 * sorts and compares the same on SQLite and PostgreSQL. `changes` is JSON text.
 */
// A type alias, not an interface: Kysely's withTables<T>() needs an index signature.
export type HistoryEntryTable = {
  id: string;
  request_id: string;
  /** Position of the action within its request: one PATCH may add and remove several uploaders. */
  seq: number;
  at: string;
  actor: string | null;
  client_address: string | null;
  replica: string | null;
  action: string;
  target_user: string | null;
  target_index: string | null;
  /** The user part of target_index: whose index it is, for "entries about the indexes I own". */
  index_owner: string | null;
  target_project: string | null;
  /** Normalised project name (PEP 503), what the project filter compares. */
  project_key: string | null;
  target_version: string | null;
  target_file: string | null;
  changes: string;
  outcome: string;
  status: number | null;
  message: string | null;
  serial: number | null;
  source: string;
  outcome_at: string | null;
  /** Set once upkeep has asked devpi about an unknown outcome, settled or not. */
  reconciled_at: string | null;
  /** The job that made the change (migration 0005); null for a person's own request. */
  job_id: string | null;
};

export type HistoryDatabase = {
  history_entries: HistoryEntryTable;
};
