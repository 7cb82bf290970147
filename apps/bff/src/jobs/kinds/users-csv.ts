import { z } from 'zod';
import { userRowSchema, userRowStates, type UserRow } from '@devpi-dashboard/dashboard-api';
import { classifyDevpiRequest } from '../../history/classify.js';
import type { PasswordVault } from '../../lifecycle/password-vault.js';
import { createUserItem, previewUsersCsv } from '../../lifecycle/users-import.js';
import { badRequest } from '../../errors.js';
import type { JobKind } from '../job-kind.js';

/** The API takes JSON bodies up to 64 KB; a CSV of a few hundred users fits. */
export const MAX_USERS_CSV_CHARS = 60_000;

export const usersCsvParamsSchema = z.object({
  csv: z.string().min(1, 'The file is empty.').max(MAX_USERS_CSV_CHARS, `Import at most ${MAX_USERS_CSV_CHARS / 1000} KB of CSV at a time; split the file.`),
});
export type UsersCsvParams = z.infer<typeof usersCsvParamsSchema>;

const rowOf = (spec: Record<string, unknown>): UserRow => userRowSchema.parse(spec['row']);

/**
 * Many users from a CSV, one item per row: rows devpi's rules refuse fail with the reason, users
 * that exist are skipped, and the rest are created with generated passwords kept sealed in the
 * store until the creator's one download.
 */
export function usersCsvKind(vault: PasswordVault): JobKind<UsersCsvParams> {
  return {
    name: 'users-csv',
    description: 'Create many users from a CSV (name, email, title, description) with generated passwords.',
    params: usersCsvParamsSchema,
    title: (p) => `Create users from a CSV of ${Math.max(0, p.csv.trim().split(/\r?\n/).length - 1)} rows`,
    async plan(ctx, params) {
      const preview = await previewUsersCsv(ctx.devpi, params.csv);
      if (preview.fileErrors.length > 0) throw badRequest(preview.fileErrors.join(' '));
      const counts = Object.fromEntries(userRowStates.map((state) => [state, preview.rows.filter((r) => r.state === state).length]));
      return {
        items: preview.rows.map((r) => ({
          key: `line-${r.line}`,
          label: `${r.row.name || '(no name)'} (line ${r.line})${r.caseTwin === null ? '' : `: same as ${r.caseTwin} apart from letter case`}`,
          bytes: 0,
          spec: { line: r.line, row: r.row, planned: r.state, reason: r.reason, caseTwin: r.caseTwin },
        })),
        summary: { ...counts, caseTwins: preview.rows.filter((r) => r.caseTwin !== null).length },
      };
    },
    async runItem(ctx, item) {
      if (item.spec['planned'] === 'invalid') return { state: 'failed', message: String(item.spec['reason'] ?? 'This row is not valid.') };
      const row = rowOf(item.spec);
      const outcome = await createUserItem(ctx.devpi, row, vault.keeper(ctx.jobId), (input, send) => {
        const [action] = classifyDevpiRequest({ method: 'PUT', url: `/${encodeURIComponent(row.name)}`, body: input, multipart: false });
        return ctx.change(action ?? { action: 'user.create', target: { user: row.name }, changes: [] }, send);
      });
      if (outcome.state === 'exists') return { state: 'skipped', message: outcome.reason };
      return { state: 'done', message: `${row.name} created; the password is kept for one download.` };
    },
  };
}
