import type { IndexConfig } from '@devpi-dashboard/devpi-client';
import { unknownKeys } from '../lib/index-form-values';

/** Keys from plugins or newer devpi versions: shown, never edited, and never sent back. */
export function UnknownKeys({ config }: { config: IndexConfig }) {
  const extra = unknownKeys(config);
  if (extra.length === 0) return null;
  return (
    <fieldset className="unknown-keys">
      <legend>Other settings (read-only)</legend>
      <p className="field-hint">
        Set by devpi plugins or other tools. The dashboard does not edit them and keeps them as they are: it only sends the keys you change.
      </p>
      <dl className="definition-list">
        {extra.map(([key, value]) => (
          <div key={key} className="dl-row">
            <dt className="mono">{key}</dt>
            <dd><code>{JSON.stringify(value)}</code></dd>
          </div>
        ))}
      </dl>
    </fieldset>
  );
}
