// Real, valid Python package files built in memory, so tests upload what twine would.
import { createHash } from 'node:crypto';
import { gzipSync, strToU8, zipSync } from 'fflate';

export interface PackageSpec {
  name: string;
  version: string;
  summary?: string;
  description?: string;
  /** e.g. `text/markdown` or `text/x-rst` */
  descriptionContentType?: string;
  requiresDist?: string[];
  requiresPython?: string;
  author?: string;
  authorEmail?: string;
  license?: string;
  homePage?: string;
  classifiers?: string[];
  keywords?: string;
}

export interface PackageFile {
  filename: string;
  content: Buffer;
  sha256: string;
  name: string;
  version: string;
  /** The form fields twine sends with this file (metadata plus filetype/pyversion). */
  metadata: Record<string, string | string[]>;
}

function distName(name: string): string {
  return name.replace(/[-_.]+/g, '_').toLowerCase();
}

function metadataText(spec: PackageSpec): string {
  const lines = ['Metadata-Version: 2.1', `Name: ${spec.name}`, `Version: ${spec.version}`];
  if (spec.summary) lines.push(`Summary: ${spec.summary}`);
  if (spec.homePage) lines.push(`Home-page: ${spec.homePage}`);
  if (spec.author) lines.push(`Author: ${spec.author}`);
  if (spec.authorEmail) lines.push(`Author-email: ${spec.authorEmail}`);
  if (spec.license) lines.push(`License: ${spec.license}`);
  if (spec.keywords) lines.push(`Keywords: ${spec.keywords}`);
  for (const c of spec.classifiers ?? []) lines.push(`Classifier: ${c}`);
  if (spec.requiresPython) lines.push(`Requires-Python: ${spec.requiresPython}`);
  for (const r of spec.requiresDist ?? []) lines.push(`Requires-Dist: ${r}`);
  if (spec.descriptionContentType) lines.push(`Description-Content-Type: ${spec.descriptionContentType}`);
  return `${lines.join('\n')}\n\n${spec.description ?? ''}`;
}

function formFields(spec: PackageSpec, filetype: string, pyversion: string): Record<string, string | string[]> {
  const f: Record<string, string | string[]> = {
    metadata_version: '2.1', summary: spec.summary ?? '', description: spec.description ?? '',
    description_content_type: spec.descriptionContentType ?? '', author: spec.author ?? '', author_email: spec.authorEmail ?? '',
    license: spec.license ?? '', home_page: spec.homePage ?? '', keywords: spec.keywords ?? '',
    requires_python: spec.requiresPython ?? '', requires_dist: spec.requiresDist ?? [], classifiers: spec.classifiers ?? [],
    filetype, pyversion,
  };
  return f;
}

function sha256(buf: Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** A py3-none-any wheel with METADATA, WHEEL and a RECORD whose hashes are right. */
export function makeWheel(spec: PackageSpec): PackageFile {
  const dist = distName(spec.name);
  const info = `${dist}-${spec.version}.dist-info`;
  const files: Record<string, Uint8Array> = {
    [`${dist}/__init__.py`]: strToU8(`__version__ = ${JSON.stringify(spec.version)}\n`),
    [`${info}/METADATA`]: strToU8(metadataText(spec)),
    [`${info}/WHEEL`]: strToU8('Wheel-Version: 1.0\nGenerator: devpi-sim\nRoot-Is-Purelib: true\nTag: py3-none-any\n'),
  };
  const record = Object.entries(files).map(([path, data]) => {
    const digest = createHash('sha256').update(data).digest('base64url');
    return `${path},sha256=${digest},${data.length}`;
  });
  files[`${info}/RECORD`] = strToU8(`${[...record, `${info}/RECORD,,`].join('\n')}\n`);
  const zipped: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [path, data] of Object.entries(files)) zipped[path] = [data, { mtime: new Date('2024-01-01T00:00:00Z') }];
  const content = Buffer.from(zipSync(zipped));
  return { filename: `${dist}-${spec.version}-py3-none-any.whl`, content, sha256: sha256(content), name: spec.name, version: spec.version, metadata: formFields(spec, 'bdist_wheel', 'py3') };
}

function tarEntry(path: string, data: Uint8Array): Buffer {
  const header = Buffer.alloc(512);
  header.write(path, 0, 100, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write(`${(1704067200).toString(8).padStart(11, '0')}\0`, 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([header, Buffer.from(data), padding]);
}

/** A gzipped source tarball with PKG-INFO and pyproject.toml. */
export function makeSdist(spec: PackageSpec): PackageFile {
  const base = `${distName(spec.name)}-${spec.version}`;
  const pyproject = `[project]\nname = ${JSON.stringify(spec.name)}\nversion = ${JSON.stringify(spec.version)}\n`;
  const tar = Buffer.concat([
    tarEntry(`${base}/PKG-INFO`, strToU8(metadataText(spec))),
    tarEntry(`${base}/pyproject.toml`, strToU8(pyproject)),
    tarEntry(`${base}/${distName(spec.name)}/__init__.py`, strToU8(`__version__ = ${JSON.stringify(spec.version)}\n`)),
    Buffer.alloc(1024),
  ]);
  const content = Buffer.from(gzipSync(tar, { mtime: new Date('2024-01-01T00:00:00Z') }));
  return { filename: `${base}.tar.gz`, content, sha256: sha256(content), name: spec.name, version: spec.version, metadata: formFields(spec, 'sdist', 'source') };
}
