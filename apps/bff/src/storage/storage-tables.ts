/** Rows of migration 0006 (a type alias: Kysely's withTables<T>() needs an index signature). */
export type StorageIndexTable = {
  index_name: string;
  index_type: string;
  projects: number;
  releases: number;
  files: number;
  /** bigint: PostgreSQL hands it back as a string. */
  bytes: number | string;
  unknown_files: number;
  scanned_at: number | string;
  scanned_by: string | null;
};

export type StorageReleaseTable = {
  release_key: string;
  index_name: string;
  project_key: string;
  project: string;
  version: string;
  files: number;
  bytes: number | string;
  unknown_files: number;
};

/** Rows of migration 0008: a file's length by its sha256. */
export type FileSizeTable = {
  sha256: string;
  bytes: number | string;
  seen_at: number | string;
};

export type StorageTables = { storage_index: StorageIndexTable; storage_release: StorageReleaseTable; file_size: FileSizeTable };
