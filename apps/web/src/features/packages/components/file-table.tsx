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

/** A version's files: type, Python tag, size, copyable sha256, history and a download link. */
export function FileTable({ files, canDelete, onDelete }: { files: ReleaseFile[]; canDelete: boolean; onDelete: (file: ReleaseFile) => void }) {
  if (files.length === 0) return <p className="empty">This version has no files (its metadata was registered without an upload).</p>;
  return (
    <div className="table-wrap">
      <table className="table files-table">
        <caption className="visually-hidden">Files</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Type</th>
            <th scope="col">Python</th>
            <th scope="col">Size</th>
            <th scope="col">SHA256</th>
            <th scope="col">History</th>
            {canDelete && <th scope="col"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.url}>
              <td><a className="file-name" href={file.url} download>{file.filename}</a></td>
              <td><Badge tone={file.kind === 'wheel' ? 'accent' : 'neutral'}>{kindLabels[file.kind]}</Badge></td>
              <td className="mono">{file.pythonTag || '—'}</td>
              <td className="nowrap">{formatSize(file.size)}</td>
              <td>
                {file.sha256 ? (
                  <div className="command"><span className="sha" title={file.sha256}>{file.sha256.slice(0, 12)}…</span><CopyButton text={file.sha256} label={`Copy the sha256 of ${file.filename}`} /></div>
                ) : <span className="muted">none</span>}
              </td>
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
