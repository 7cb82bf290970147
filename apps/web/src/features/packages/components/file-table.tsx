import { Fragment } from 'react';
import type { ReleaseFile } from '@devpi-dashboard/dashboard-api';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { formatSize, formatWhen, kindLabels } from '../lib/format';
import './packages.css';

function History({ file }: { file: ReleaseFile }) {
  if (file.history.length === 0) return <span className="muted">no record</span>;
  return (
    <ul className="history">
      {file.history.map((h, i) => (
        <li key={i}>
          {h.what === 'push' ? 'Pushed' : h.what === 'upload' ? 'Uploaded' : h.what}
          {h.who && <> by <strong>{h.who}</strong></>}
          {h.src && <> from <span className="mono">{h.src}</span></>}
          {h.dst && <> to <span className="mono">{h.dst}</span></>}
          {' '}<time dateTime={h.when} title={h.when}>{formatWhen(h.when)}</time>
        </li>
      ))}
    </ul>
  );
}

// A `-`/`.` separated part longer than this (a long project name, a manylinux platform tag) may
// also break after its underscores.
const longPart = 24;

/** Where a file name may wrap: after each `-` and `.`, and after `_` inside overly long parts. */
export function nameParts(name: string): string[] {
  return name.split(/(?<=[-.])/).flatMap((part) => (part.length > longPart ? part.split(/(?<=_)/) : [part]));
}

/**
 * A file name with break opportunities at its separators, so a long wheel name wraps between its
 * tags (`…-cp312-` / `manylinux_2_17_x86_64.`) instead of one character per line. Some
 * accessibility trees read a <wbr> as a space, so the link carrying it names itself with aria-label.
 */
export function BreakableName({ name }: { name: string }) {
  const parts = nameParts(name);
  return <>{parts.map((part, i) => <Fragment key={i}>{part}{i < parts.length - 1 && <wbr />}</Fragment>)}</>;
}

/** The first characters of a sha256, enough to tell files apart; the full value is copied and read out. */
function Sha256({ file, sha256 }: { file: ReleaseFile; sha256: string }) {
  return (
    <div className="file-sha">
      <span className="sha-label" aria-hidden="true">sha256</span>
      <span className="sha" title={sha256} aria-hidden="true">{sha256.slice(0, 12)}…</span>
      <span className="visually-hidden">sha256 {sha256}</span>
      <CopyButton text={sha256} label={`Copy the sha256 of ${file.filename}`} />
    </div>
  );
}

/** A version's files: name with its copyable sha256, type, Python tag, size, history and removal. */
export function FileTable({ files, canDelete, onDelete }: { files: ReleaseFile[]; canDelete: boolean; onDelete: (file: ReleaseFile) => void }) {
  if (files.length === 0) return <p className="empty">This version has no files (its metadata was registered without an upload).</p>;
  return (
    <div className="table-wrap">
      <table className="table files-table">
        <caption className="visually-hidden">Files</caption>
        <thead>
          <tr>
            <th scope="col">File and sha256</th>
            <th scope="col">Type</th>
            <th scope="col">Python</th>
            <th scope="col">Size</th>
            <th scope="col">History</th>
            {canDelete && <th scope="col"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.url}>
              <td className="file-cell">
                <a className="file-name" href={file.url} download aria-label={file.filename}><BreakableName name={file.filename} /></a>
                {file.sha256 ? <Sha256 file={file} sha256={file.sha256} /> : <div className="file-sha muted">no sha256 recorded</div>}
              </td>
              <td><Badge tone={file.kind === 'wheel' ? 'accent' : 'neutral'}>{kindLabels[file.kind]}</Badge></td>
              <td className="mono">{file.pythonTag || '—'}</td>
              <td className="nowrap">{formatSize(file.size)}</td>
              <td><History file={file} /></td>
              {canDelete && (
                <td><Button size="sm" variant="ghost" onClick={() => onDelete(file)} aria-label={`Remove the file ${file.filename}`}>Remove</Button></td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
