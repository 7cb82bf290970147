/** Rows of migration 0005. Times are epoch milliseconds; JSON columns are text. */
// Type aliases, not interfaces: Kysely's withTables<T>() needs an index signature.
export type JobTable = {
  id: string;
  kind: string;
  title: string;
  creator: string;
  state: string;
  pause_reason: string | null;
  reason: string | null;
  params: string;
  summary: string;
  confirm_text: string | null;
  token_sealed: string | null;
  token_expires: number | null;
  lease_owner: string | null;
  lease_expires: number | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
};

export type JobItemTable = {
  job_id: string;
  seq: number;
  item_key: string;
  label: string;
  state: string;
  bytes: number;
  spec: string;
  message: string | null;
  finished_at: number | null;
};

export type JobDatabase = {
  jobs: JobTable;
  job_items: JobItemTable;
};
