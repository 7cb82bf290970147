/**
 * Multipart bodies for devpi's legacy upload API, field for field as twine sends them
 * (`:action=file_upload`), plus doc zips (`doc_upload`) and metadata-only registration (`submit`).
 * Built with FormData and Blob so that the same code runs in browsers and Node 20.
 */

/** Core metadata fields, named as on the wire. List fields are sent as repeated form fields. */
export interface UploadMetadata {
  metadata_version?: string;
  summary?: string;
  description?: string;
  description_content_type?: string;
  home_page?: string;
  download_url?: string;
  author?: string;
  author_email?: string;
  maintainer?: string;
  maintainer_email?: string;
  license?: string;
  license_expression?: string;
  keywords?: string;
  classifiers?: readonly string[];
  platform?: readonly string[];
  requires_dist?: readonly string[];
  requires_python?: string;
  provides_extras?: readonly string[];
  project_urls?: readonly string[];
}

/** File content as bytes or a Blob (a browser `File` is a Blob). */
export type UploadContent = Blob | Uint8Array | ArrayBuffer;

export interface UploadInput {
  filename: string;
  content: UploadContent;
  name: string;
  version: string;
  metadata?: UploadMetadata;
  /** Defaults from the filename: `bdist_wheel` for `.whl`, else `sdist`. */
  filetype?: string;
  /** Defaults from the filename: the wheel's python tag, or `source` for an sdist. */
  pyversion?: string;
  /** Hex sha256 of `content`; computed with Web Crypto when omitted and available. */
  sha256?: string;
}

export interface DocUploadInput {
  name: string;
  version: string;
  /** A zip of the built HTML docs. */
  content: UploadContent;
  /** Defaults to `<name>-<version>.doc.zip`, as devpi-client names it. */
  filename?: string;
}

export interface RegisterInput {
  name: string;
  version: string;
  metadata?: UploadMetadata;
}

/** twine's order; the file-specific fields and `content` come last. */
const METADATA_ORDER: readonly (keyof UploadMetadata)[] = [
  'summary', 'description', 'description_content_type', 'home_page', 'download_url', 'author', 'author_email',
  'maintainer', 'maintainer_email', 'license', 'license_expression', 'keywords', 'classifiers', 'platform',
  'requires_dist', 'requires_python', 'provides_extras', 'project_urls',
];

const SDIST_SUFFIXES = ['.tar.gz', '.zip', '.tar.bz2', '.tgz', '.tar.xz', '.tar'];

/** `filetype` and `pyversion` as twine derives them from the file name. */
export function fileKind(filename: string): { filetype: string; pyversion: string } {
  if (filename.endsWith('.whl')) {
    // name-version(-build)?-pytag-abitag-platform.whl
    const parts = filename.slice(0, -'.whl'.length).split('-');
    const pytag = parts.length >= 5 ? parts[parts.length - 3] : undefined;
    if (pytag === undefined) throw new TypeError(`not a valid wheel file name: '${filename}'`);
    return { filetype: 'bdist_wheel', pyversion: pytag };
  }
  if (SDIST_SUFFIXES.some((suffix) => filename.endsWith(suffix))) return { filetype: 'sdist', pyversion: 'source' };
  throw new TypeError(`cannot tell the file type of '${filename}'; pass filetype and pyversion`);
}

function toBlob(content: UploadContent, type: string): Blob {
  if (content instanceof Blob) return content.type === type ? content : new Blob([content], { type });
  // A copy gives a plain ArrayBuffer-backed view, which every Blob implementation accepts.
  return new Blob([new Uint8Array(content instanceof ArrayBuffer ? content : content.slice())], { type });
}

/** Hex sha256 via Web Crypto; undefined where it is missing (insecure browser contexts). */
export async function sha256Hex(blob: Blob): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return undefined;
  const digest = await subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function appendMetadata(form: FormData, metadata: UploadMetadata): void {
  for (const key of METADATA_ORDER) {
    const value = metadata[key];
    if (value === undefined) continue;
    if (typeof value === 'string') form.append(key, value);
    else for (const item of value) form.append(key, item);
  }
}

function head(action: string, name: string, version: string, metadata: UploadMetadata | undefined, protocol: boolean): FormData {
  const form = new FormData();
  form.append(':action', action);
  if (protocol) form.append('protocol_version', '1');
  form.append('metadata_version', metadata?.metadata_version ?? '2.1');
  form.append('name', name);
  form.append('version', version);
  if (metadata !== undefined) appendMetadata(form, metadata);
  return form;
}

/** The `:action=file_upload` body. */
export async function fileUploadForm(input: UploadInput): Promise<FormData> {
  const derived = input.filetype !== undefined && input.pyversion !== undefined
    ? { filetype: input.filetype, pyversion: input.pyversion }
    : { ...fileKind(input.filename), ...(input.filetype === undefined ? {} : { filetype: input.filetype }), ...(input.pyversion === undefined ? {} : { pyversion: input.pyversion }) };
  const blob = toBlob(input.content, 'application/octet-stream');
  const form = head('file_upload', input.name, input.version, input.metadata, true);
  form.append('filetype', derived.filetype);
  form.append('pyversion', derived.pyversion);
  const digest = input.sha256 ?? (await sha256Hex(blob));
  if (digest !== undefined) form.append('sha256_digest', digest);
  form.append('content', blob, input.filename);
  return form;
}

/** The `:action=doc_upload` body. */
export function docUploadForm(input: DocUploadInput): FormData {
  const form = new FormData();
  form.append(':action', 'doc_upload');
  form.append('name', input.name);
  form.append('version', input.version);
  form.append('content', toBlob(input.content, 'application/zip'), input.filename ?? `${input.name}-${input.version}.doc.zip`);
  return form;
}

/** The `:action=submit` body (register metadata without a file). */
export function registerForm(input: RegisterInput): FormData {
  return head('submit', input.name, input.version, input.metadata, false);
}
