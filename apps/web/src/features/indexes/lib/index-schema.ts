import { validateName } from '@devpi-dashboard/devpi-client';
import { z } from 'zod';
import { describeError, errorStatus } from '../../../lib/errors';
import type { FieldErrors } from '../../../lib/form';

export const indexNameSchema = z
  .string()
  .trim()
  .superRefine((name, ctx) => {
    const problem = validateName('index', name);
    if (problem) ctx.addIssue({ code: 'custom', message: name === '' ? 'Enter an index name.' : problem });
  });

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s/]+/.test(value), 'Enter the mirrored index URL, starting with http:// or https://.');

/** Checks the values devpi would refuse, keyed like the form fields. */
export const indexValuesSchema = z
  .object({
    type: z.enum(['stage', 'mirror']),
    mirror_url: z.string(),
    mirror_cache_expiry: z.string().trim(),
  })
  .loose()
  .superRefine((values, ctx) => {
    if (values.type !== 'mirror') return;
    const url = httpUrl.safeParse(values.mirror_url);
    if (!url.success) ctx.addIssue({ code: 'custom', path: ['mirror_url'], message: url.error.issues[0]?.message ?? 'Invalid URL.' });
    if (values.mirror_cache_expiry !== '' && !/^\d+$/.test(values.mirror_cache_expiry)) {
      ctx.addIssue({ code: 'custom', path: ['mirror_cache_expiry'], message: 'Enter a whole number of seconds.' });
    }
  });

export type IndexField = 'name' | 'owner' | 'type' | 'bases' | 'mirror_url' | 'mirror_cache_expiry' | 'acl_upload' | 'mirror_whitelist' | 'volatile';

/** Puts devpi's answer onto the field it is about; what fits nowhere goes to the top of the form. */
export function indexServerErrors(error: unknown): FieldErrors<IndexField> {
  const message = describeError(error);
  const status = errorStatus(error);
  if (/exists|indexname|contains characters/i.test(message)) return { name: message };
  if (/base/i.test(message)) return { bases: message };
  if (/mirror_url/i.test(message)) return { mirror_url: message };
  if (/mirror_cache_expiry/i.test(message)) return { mirror_cache_expiry: message };
  if (/'type'|index type/i.test(message)) return { type: message };
  if (/no user|could not be found/i.test(message) || status === 404) return { owner: message };
  if (status === 403) return { form: `devpi refused: ${message}. Only the owner of an index and root may change it.` };
  return { form: message };
}
