import { useId, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { splitIndex } from '../lib/params';
import { useUploadQueue, type UploadItem } from './use-upload-queue';
import './packages.css';

function UploadRow({ item, index }: { item: UploadItem; index: string }) {
  const [user, indexName] = splitIndex(index);
  const { phase } = item;
  const progressId = useId();
  return (
    <li className="upload-item" data-step={phase.step}>
      <span className="upload-file file-name" title={item.filename}>{item.filename}</span>
      {phase.step === 'queued' && <span className="muted">Waiting</span>}
      {phase.step === 'reading' && <span className="muted">Reading its metadata…</span>}
      {phase.step === 'uploading' && (
        <>
          <label htmlFor={progressId} className="visually-hidden">Uploading {item.filename}</label>
          <progress id={progressId} className="progress" max={phase.total || 1} value={phase.loaded} />
        </>
      )}
      {phase.step === 'done' && (
        <span className="upload-result upload-ok">
          Uploaded: <Link to={paths.packages.version.to(user, indexName, phase.name, phase.version)}>{phase.name} {phase.version}</Link> is on {index}.
          {phase.note && <> devpi says: {phase.note}</>}
        </span>
      )}
      {phase.step === 'failed' && <span className="upload-result upload-failed">Not uploaded: {phase.message}</span>}
    </li>
  );
}

/**
 * Drop wheels and sdists here (several at once: a wheel and its sdist go together): each file's
 * metadata is read in the browser (wheel METADATA, sdist PKG-INFO), then the file goes to devpi
 * through the BFF's proxy as twine sends it, each with its own progress and result.
 */
export function UploadDropzone({ index }: { index: string }) {
  const [active, setActive] = useState(false);
  const { items, add, clearFinished } = useUploadQueue(index);
  const inputId = useId();

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setActive(false);
    add(event.dataTransfer.files);
  }

  const finished = items.filter((item) => item.phase.step === 'done' || item.phase.step === 'failed');
  return (
    <section aria-labelledby={`${inputId}-title`} className="stack">
      <div
        className="dropzone"
        data-active={active}
        onDragOver={(event) => { event.preventDefault(); setActive(true); }}
        onDragLeave={() => setActive(false)}
        onDrop={onDrop}
      >
        <p id={`${inputId}-title`}><strong>Upload to {index}</strong></p>
        <p className="muted">Drop wheels (.whl) and source distributions (.tar.gz, .zip) here, several at once, or</p>
        <label htmlFor={inputId} className="btn btn-secondary btn-sm">Choose files to upload</label>
        <input
          id={inputId}
          type="file"
          multiple
          className="visually-hidden"
          accept=".whl,.tar.gz,.tgz,.zip"
          onChange={(event) => {
            add(event.target.files ?? []);
            event.target.value = '';
          }}
        />
      </div>
      {items.length > 0 && (
        <div className="stack">
          <ul className="upload-list" aria-label={`Uploads to ${index}`} aria-live="polite">
            {items.map((item) => <UploadRow key={item.id} item={item} index={index} />)}
          </ul>
          {finished.length > 0 && (
            <p><button type="button" className="btn btn-secondary btn-sm" onClick={clearFinished}>Clear finished uploads</button></p>
          )}
        </div>
      )}
    </section>
  );
}
