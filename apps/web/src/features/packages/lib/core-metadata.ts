import type { UploadMetadata } from '@devpi-dashboard/devpi-client';
import { readTarGzMember } from './tar-reader';
import { readZipMember, type ByteSource } from './zip-reader';

/** Name, version and metadata of a distribution file, read in the browser before uploading. */
export interface DistMetadata {
  name: string;
  version: string;
  metadata: UploadMetadata;
}

type ListKey = 'classifiers' | 'platform' | 'requires_dist' | 'provides_extras' | 'project_urls';
type TextKey = Exclude<keyof UploadMetadata, ListKey | 'description'>;

const listFields: Record<string, ListKey> = {
  classifier: 'classifiers',
  platform: 'platform',
  'requires-dist': 'requires_dist',
  'provides-extra': 'provides_extras',
  'project-url': 'project_urls',
};
const textFields: Record<string, TextKey> = {
  'metadata-version': 'metadata_version',
  summary: 'summary',
  'home-page': 'home_page',
  'download-url': 'download_url',
  author: 'author',
  'author-email': 'author_email',
  maintainer: 'maintainer',
  'maintainer-email': 'maintainer_email',
  license: 'license',
  'license-expression': 'license_expression',
  keywords: 'keywords',
  'requires-python': 'requires_python',
  'description-content-type': 'description_content_type',
};

/** Parses core metadata (RFC 822 style headers, the description as header or body). */
export function parseCoreMetadata(source: string): DistMetadata {
  const normalised = source.replace(/\r\n?/g, '\n');
  const split = normalised.indexOf('\n\n');
  const head = split < 0 ? normalised : normalised.slice(0, split);
  const body = split < 0 ? '' : normalised.slice(split + 2);
  const fields: Array<[string, string]> = [];
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      const last = fields[fields.length - 1] as [string, string];
      last[1] += `\n${line.replace(/^ {7}\|/, '').trimStart()}`;
      continue;
    }
    const at = line.indexOf(':');
    if (at > 0) fields.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
  }
  const text: Partial<Record<TextKey, string>> = {};
  const lists: Partial<Record<ListKey, string[]>> = {};
  let name = '';
  let version = '';
  let description = body.trim() ? body : '';
  for (const [key, value] of fields) {
    if (key === 'name') name = value;
    else if (key === 'version') version = value;
    else if (key === 'description' && !description) description = value;
    else if (listFields[key]) {
      const target = listFields[key];
      lists[target] = [...(lists[target] ?? []), value];
    } else if (textFields[key]) text[textFields[key]] = value;
  }
  if (!name || !version) throw new Error('The package metadata has no Name or Version.');
  return { name, version, metadata: { ...text, ...lists, ...(description ? { description } : {}) } };
}

/** A distribution file as the browser has it: a File, or any Blob-like source with a stream. */
export type DistFile = ByteSource & { stream(): ReadableStream<Uint8Array<ArrayBuffer>> };

/** Reads a wheel's `*.dist-info/METADATA` or an sdist's top-level `PKG-INFO`, without reading all of it. */
export async function readDistMetadata(filename: string, file: DistFile): Promise<DistMetadata> {
  let raw: Uint8Array | undefined;
  if (filename.endsWith('.whl')) raw = await readZipMember(file, (n) => /^[^/]+\.dist-info\/METADATA$/.test(n));
  else if (filename.endsWith('.tar.gz') || filename.endsWith('.tgz')) raw = await readTarGzMember(file.stream(), (n) => /^[^/]+\/PKG-INFO$/.test(n));
  else if (filename.endsWith('.zip')) raw = await readZipMember(file, (n) => /^[^/]+\/PKG-INFO$/.test(n));
  else throw new Error('Only wheels (.whl) and source distributions (.tar.gz, .zip) can be uploaded here.');
  if (!raw) throw new Error(`${filename} has no package metadata (METADATA or PKG-INFO).`);
  return parseCoreMetadata(new TextDecoder().decode(raw));
}
