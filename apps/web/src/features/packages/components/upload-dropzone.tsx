import { useId, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { paths } from '../../../config/paths';
import { describeError } from '../../../lib/errors';
import { useUpload } from '../api/mutations';
import { readDistMetadata } from '../lib/core-metadata';
import { splitIndex } from '../lib/params';
import './packages.css';

type Phase =
  | { step: 'idle' }
  | { step: 'reading'; filename: string }
  | { step: 'uploading'; filename: string; loaded: number; total: number }
  | { step: 'done'; filename: string; name: string; version: string; note?: string }
  | { step: 'failed'; filename: string; message: string };

/**
 * Drop a wheel or sdist here: its metadata is read in the browser (wheel METADATA, sdist PKG-INFO),
 * then the file goes to devpi through the BFF's proxy as twine sends it, with a progress bar.
 */
export function UploadDropzone({ index }: { index: string }) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [active, setActive] = useState(false);
  const upload = useUpload(index);
  const inputId = useId();
  const [user, name] = splitIndex(index);

  async function send(file: File) {
    setPhase({ step: 'reading', filename: file.name });
    try {
      const dist = await readDistMetadata(file.name, file);
      setPhase({ step: 'uploading', filename: file.name, loaded: 0, total: file.size });
      const result = await upload.mutateAsync({
        input: { filename: file.name, content: file, name: dist.name, version: dist.version, metadata: dist.metadata },
        onProgress: (loaded, total) => setPhase({ step: 'uploading', filename: file.name, loaded, total: total || file.size }),
      });
      setPhase({ step: 'done', filename: file.name, name: dist.name, version: dist.version, ...(result.message ? { note: result.message } : {}) });
    } catch (error) {
      setPhase({ step: 'failed', filename: file.name, message: describeError(error) });
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setActive(false);
    const file = event.dataTransfer.files[0];
    if (file) void send(file);
  }

  const busy = phase.step === 'reading' || phase.step === 'uploading';
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
        <p className="muted">Drop a wheel (.whl) or source distribution (.tar.gz, .zip) here, or</p>
        <label htmlFor={inputId} className="btn btn-secondary btn-sm">Choose a file to upload</label>
        <input
          id={inputId}
          type="file"
          className="visually-hidden"
          accept=".whl,.tar.gz,.tgz,.zip"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void send(file);
            event.target.value = '';
          }}
        />
      </div>
      {phase.step === 'reading' && <p role="status">Reading the metadata of {phase.filename}…</p>}
      {phase.step === 'uploading' && (
        <div role="status">
          <label htmlFor={`${inputId}-progress`}>Uploading {phase.filename}</label>
          <progress id={`${inputId}-progress`} className="progress" max={phase.total || 1} value={phase.loaded} />
        </div>
      )}
      {phase.step === 'done' && (
        <Alert tone="success" title={`Uploaded ${phase.filename}`}>
          <Link to={paths.packages.version.to(user, name, phase.name, phase.version)}>{phase.name} {phase.version}</Link> is on {index}.
          {phase.note && <> devpi says: {phase.note}</>}
        </Alert>
      )}
      {phase.step === 'failed' && <Alert tone="error" title={`Could not upload ${phase.filename}`}>{phase.message}</Alert>}
    </section>
  );
}
