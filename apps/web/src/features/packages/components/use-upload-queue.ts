import { useRef, useState } from 'react';
import { describeError } from '../../../lib/errors';
import { useUpload } from '../api/mutations';

export type UploadPhase =
  | { step: 'queued' }
  | { step: 'reading' }
  | { step: 'uploading'; loaded: number; total: number }
  | { step: 'done'; name: string; version: string; note?: string }
  | { step: 'failed'; message: string };

export interface UploadItem {
  id: number;
  filename: string;
  phase: UploadPhase;
}

/**
 * The files dropped or picked for one index, uploaded one after another (devpi takes each file in
 * its own request, and one at a time keeps a slow link from splitting its bandwidth), each with
 * its own phase. Files added while others upload join the end of the queue.
 */
export function useUploadQueue(index: string) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const upload = useUpload(index);
  const pending = useRef<Array<{ id: number; file: File }>>([]);
  const running = useRef(false);
  const nextId = useRef(1);

  const update = (id: number, phase: UploadPhase) => setItems((all) => all.map((item) => (item.id === id ? { ...item, phase } : item)));

  async function send(id: number, file: File) {
    update(id, { step: 'reading' });
    try {
      // The archive readers (and zip.js) load with the first upload, not with the page.
      const { readDistMetadata } = await import('../lib/core-metadata');
      const dist = await readDistMetadata(file.name, file);
      update(id, { step: 'uploading', loaded: 0, total: file.size });
      const result = await upload.mutateAsync({
        input: { filename: file.name, content: file, name: dist.name, version: dist.version, metadata: dist.metadata },
        onProgress: (loaded, total) => update(id, { step: 'uploading', loaded, total: total || file.size }),
      });
      update(id, { step: 'done', name: dist.name, version: dist.version, ...(result.message ? { note: result.message } : {}) });
    } catch (error) {
      update(id, { step: 'failed', message: describeError(error) });
    }
  }

  async function drain() {
    if (running.current) return;
    running.current = true;
    try {
      for (let next = pending.current.shift(); next; next = pending.current.shift()) await send(next.id, next.file);
    } finally {
      running.current = false;
    }
  }

  function add(files: Iterable<File>) {
    const added = [...files].map((file) => ({ id: nextId.current++, file }));
    if (added.length === 0) return;
    setItems((all) => [...all, ...added.map(({ id, file }) => ({ id, filename: file.name, phase: { step: 'queued' } as const }))]);
    pending.current.push(...added);
    void drain();
  }

  /** Forgets the finished rows; queued and running ones stay. */
  function clearFinished() {
    setItems((all) => all.filter((item) => item.phase.step !== 'done' && item.phase.step !== 'failed'));
  }

  return { items, add, clearFinished };
}
