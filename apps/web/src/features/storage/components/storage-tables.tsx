import type { StorageIndex, StorageProject, StorageRelease } from '@devpi-dashboard/dashboard-api';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { formatBytes } from '../lib/format-bytes';
import './storage.css';

const split = (name: string): [string, string] => {
  const at = name.indexOf('/');
  return [name.slice(0, at), name.slice(at + 1)];
};

/** A bar as wide as this row's share of the largest row. */
function Share({ bytes, max }: { bytes: number; max: number }) {
  const percent = max > 0 ? Math.max(1, Math.round((bytes / max) * 100)) : 0;
  return <span className="storage-share" aria-hidden="true"><span style={{ width: `${percent}%` }} /></span>;
}

export function StorageIndexTable({ indexes }: { indexes: StorageIndex[] }) {
  const max = indexes[0]?.bytes ?? 0;
  return (
    <div className="table-wrap">
      <table className="table storage-table">
        <caption className="visually-hidden">Size of each index</caption>
        <thead>
          <tr><th scope="col">Index</th><th scope="col" className="num">Size</th><th scope="col" className="num">Files</th><th scope="col" className="num">Projects</th><th scope="col" className="num">Releases</th><th scope="col">Measured</th></tr>
        </thead>
        <tbody>
          {indexes.map((i) => (
            <tr key={i.index}>
              <td className="storage-name"><Link className="strong-link mono" to={paths.packages.index.to(...split(i.index))}>{i.index}</Link></td>
              <td className="num"><span className="storage-bytes">{formatBytes(i.bytes)}</span><Share bytes={i.bytes} max={max} /></td>
              <td className="num">{i.files.toLocaleString()}{i.unknownFiles > 0 && <span className="muted" title="devpi gave no length for these files"> (+{i.unknownFiles} unknown)</span>}</td>
              <td className="num">{i.projects.toLocaleString()}</td>
              <td className="num">{i.releases.toLocaleString()}</td>
              <td className="muted storage-when">{new Date(i.scannedAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StorageProjectTable({ projects, caption, showIndex = true }: { projects: StorageProject[]; caption: string; showIndex?: boolean }) {
  const max = projects[0]?.bytes ?? 0;
  return (
    <div className="table-wrap">
      <table className="table storage-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr><th scope="col">Project</th>{showIndex && <th scope="col">Index</th>}<th scope="col" className="num">Size</th><th scope="col" className="num">Files</th><th scope="col" className="num">Releases</th></tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={`${p.index}\n${p.project}`}>
              <td className="storage-name"><Link className="strong-link" to={paths.packages.project.to(...split(p.index), p.project)}>{p.project}</Link></td>
              {showIndex && <td className="mono storage-name">{p.index}</td>}
              <td className="num"><span className="storage-bytes">{formatBytes(p.bytes)}</span><Share bytes={p.bytes} max={max} /></td>
              <td className="num">{p.files.toLocaleString()}</td>
              <td className="num">{p.releases.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StorageReleaseTable({ releases }: { releases: StorageRelease[] }) {
  const max = releases[0]?.bytes ?? 0;
  return (
    <div className="table-wrap">
      <table className="table storage-table">
        <caption className="visually-hidden">Largest releases</caption>
        <thead>
          <tr><th scope="col">Release</th><th scope="col">Index</th><th scope="col" className="num">Size</th><th scope="col" className="num">Files</th></tr>
        </thead>
        <tbody>
          {releases.map((r) => (
            <tr key={`${r.index}\n${r.project}\n${r.version}`}>
              <td className="storage-name"><Link className="strong-link" to={paths.packages.version.to(...split(r.index), r.project, r.version)}>{r.project} <span className="mono">{r.version}</span></Link></td>
              <td className="mono storage-name">{r.index}</td>
              <td className="num"><span className="storage-bytes">{formatBytes(r.bytes)}</span><Share bytes={r.bytes} max={max} /></td>
              <td className="num">{r.files.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
