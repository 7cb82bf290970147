import type { PluginIndexConfig } from '@devpi-dashboard/devpi-client';

/** Every key of a plugin index, as devpi sent it: the dashboard shows them but never edits or sends them. */
export function PluginIndexKeys({ config, skip = new Set<string>() }: { config: PluginIndexConfig; skip?: ReadonlySet<string> }) {
  const entries = Object.entries(config).filter(([key]) => !skip.has(key) && key !== 'projects');
  return (
    <>
      <p className="field-hint">
        Index type <span className="mono">{config.type}</span> comes from a devpi plugin. The dashboard shows its settings read-only and keeps them as they are.
      </p>
      <dl className="definition-list" aria-label="Plugin index settings">
        {entries.map(([key, value]) => (
          <div key={key} className="dl-row">
            <dt className="mono">{key}</dt>
            <dd><code>{JSON.stringify(value)}</code> <span className="muted">(read-only)</span></dd>
          </div>
        ))}
      </dl>
    </>
  );
}
