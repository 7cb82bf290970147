import { isPluginIndex, isStageIndex, type IndexConfig } from '@devpi-dashboard/devpi-client';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { unknownKeys } from '../lib/index-form-values';
import { PluginIndexKeys } from './plugin-index-keys';

function List({ values, empty }: { values: readonly string[]; empty: ReactNode }) {
  if (values.length === 0) return <span className="muted">{empty}</span>;
  return <span className="mono">{values.join(', ')}</span>;
}

function IndexLink({ name }: { name: string }) {
  const [user = '', index = ''] = name.split('/');
  return <Link className="mono" to={paths.indexes.detail.to(user, index)}>{name}</Link>;
}

/** Every setting of an index in plain words, devpi's key names alongside for CLI users. */
export function IndexSettings({ config }: { config: IndexConfig }) {
  // A plugin's keys mean what the plugin says; the dashboard lists them all rather than guess.
  if (isPluginIndex(config)) return <PluginIndexKeys config={config} />;
  const extra = unknownKeys(config);
  return (
    <dl className="definition-list">
      <dt>Type</dt>
      <dd>{config.type === 'mirror' ? 'Mirror of another simple index' : 'Stage (packages are uploaded here)'}</dd>
      <dt>Volatile</dt>
      <dd>{config.volatile ? 'Yes: files may be overwritten and deleted' : 'No: released files are permanent'}</dd>
      {config.title && (<><dt>Title</dt><dd>{config.title}</dd></>)}
      {config.description && (<><dt>Description</dt><dd className="prewrap">{config.description}</dd></>)}
      {isStageIndex(config) ? (
        <>
          <dt>Bases</dt>
          <dd>
            {config.bases.length === 0 ? <span className="muted">none</span> : config.bases.map((base, position) => (
              <span key={base}>{position > 0 && ' → '}<IndexLink name={base} /></span>
            ))}
          </dd>
          <dt>acl_upload</dt>
          <dd><List values={config.acl_upload} empty="nobody can upload" /></dd>
          <dt>acl_toxresult_upload</dt>
          <dd><List values={config.acl_toxresult_upload} empty="nobody" /></dd>
          <dt>mirror_whitelist</dt>
          <dd><List values={config.mirror_whitelist} empty="empty" /> <span className="muted">({config.mirror_whitelist_inheritance})</span></dd>
        </>
      ) : (
        <>
          <dt>mirror_url</dt>
          <dd className="mono">{config.mirror_url}</dd>
          <dt>mirror_cache_expiry</dt>
          <dd>{config.mirror_cache_expiry ?? 1800} s</dd>
          {config.mirror_web_url_fmt && (<><dt>mirror_web_url_fmt</dt><dd className="mono">{config.mirror_web_url_fmt}</dd></>)}
          <dt>Options</dt>
          <dd>
            {[
              config.mirror_use_external_urls && 'mirror_use_external_urls',
              config.mirror_no_project_list && 'mirror_no_project_list',
              config.mirror_ignore_serial_header && 'mirror_ignore_serial_header',
            ].filter(Boolean).join(', ') || <span className="muted">defaults</span>}
          </dd>
        </>
      )}
      {extra.map(([key, value]) => (
        <div key={key} className="dl-row">
          <dt className="mono">{key}</dt>
          <dd><code>{JSON.stringify(value)}</code> <span className="muted">(read-only)</span></dd>
        </div>
      ))}
    </dl>
  );
}
