import type { Migration } from 'kysely';
import { migration as m0001 } from './0001-store-meta.js';
import { migration as m0002 } from './0002-session-revocation-login-limits.js';
import { migration as m0003 } from './0003-history-entries.js';
import { migration as m0005 } from './0005-jobs.js';
import { migration as m0006 } from './0006-storage-report.js';
import { migration as m0007 } from './0007-vulnerabilities.js';
import { migration as m0008 } from './0008-storage-file-sizes.js';
import { migration as m0009 } from './0009-jobs-measuring.js';

/**
 * Every migration, in order. Names sort lexicographically (Kysely applies them in that order),
 * so each feature adds `NNNN-<feature>-<what>.ts` with the next free number and one line here.
 * Never edit or renumber a migration that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001-store-meta': m0001,
  '0002-session-revocation-login-limits': m0002,
  '0003-history-entries': m0003,
  '0005-jobs': m0005,
  '0006-storage-report': m0006,
  '0007-vulnerabilities': m0007,
  '0008-storage-file-sizes': m0008,
  '0009-jobs-measuring': m0009,
};
