/** Rows of migrations 0005 and 0009. Times are epoch milliseconds; JSON columns are text. */
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
  /** 1 while a job awaiting confirmation still has sizes to measure (0009). */
  measuring: number;
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
  /** Files of the item whose length is not known yet; `bytes` counts the known ones (0009). */
  unsized: number;
  spec: string;
  message: string | null;
  finished_at: number | null;
};

export type JobDatabase = {
  jobs: JobTable;
  job_items: JobItemTable;
};
