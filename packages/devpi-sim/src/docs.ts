import { unzipSync } from 'fflate';
import type { Sim } from './http.js';
import type { IndexRec } from './model.js';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=UTF-8', css: 'text/css', js: 'application/javascript', png: 'image/png', svg: 'image/svg+xml',
  txt: 'text/plain; charset=UTF-8', json: 'application/json',
};
const unpacked = new WeakMap<Buffer, Record<string, Uint8Array>>();

/** A file from an uploaded documentation zip, as devpi-web serves it under +doc. */
export function docFile(sim: Sim, ix: IndexRec, project: string, version: string, path: string): { content: Buffer; contentType: string } | undefined {
  const link = ix.projects.get(project)?.versions.get(version)?.links.find((l) => l.rel === 'doczip');
  const zip = link && sim.store.files.get(link.relpath);
  if (!zip) return undefined;
  let files = unpacked.get(zip.content);
  if (!files) {
    files = unzipSync(new Uint8Array(zip.content));
    unpacked.set(zip.content, files);
  }
  const data = files[path];
  if (!data) return undefined;
  const ext = path.split('.').pop() ?? '';
  return { content: Buffer.from(data), contentType: TYPES[ext] ?? 'application/octet-stream' };
}
