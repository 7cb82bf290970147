// Release metadata keys as devpi-server stores them (model.py metadata_keys / metadata_list_fields).
import type { JsonObject } from './model.js';

export const METADATA_KEYS = [
  'name', 'version', 'metadata_version', 'summary', 'home_page', 'author', 'author_email', 'maintainer',
  'maintainer_email', 'license', 'description', 'keywords', 'platform', 'classifiers', 'download_url',
  'supported_platform', 'comment', 'provides', 'requires', 'obsoletes', 'project_urls', 'provides_dist',
  'obsoletes_dist', 'requires_dist', 'requires_external', 'requires_python', 'description_content_type',
  'provides_extras', 'dynamic', 'license_expression', 'license_file',
];

export const LIST_FIELDS = new Set([
  'platform', 'classifiers', 'supported_platform', 'provides', 'requires', 'obsoletes', 'project_urls',
  'provides_dist', 'obsoletes_dist', 'requires_dist', 'requires_external', 'provides_extras', 'dynamic', 'license_file',
]);

/** Metadata from form fields; with `skipMissing` only the keys the form has (an upload updating a register). */
export function metadataFromForm(fields: Map<string, string[]>, skipMissing: boolean): JsonObject {
  const out: JsonObject = {};
  for (const key of METADATA_KEYS) {
    const values = fields.get(key);
    if (skipMissing && values === undefined) continue;
    if (LIST_FIELDS.has(key)) out[key] = (values ?? []).filter(Boolean);
    else {
      const v = values?.[0] ?? '';
      out[key] = v === 'UNKNOWN' ? '' : v;
    }
  }
  return out;
}
