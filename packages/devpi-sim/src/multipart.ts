import busboy from 'busboy';
import { Readable } from 'node:stream';

export interface FormFile { filename: string; content: Buffer }
export interface Form { fields: Map<string, string[]>; files: Map<string, FormFile> }

/** Parse a multipart/form-data body (twine, setuptools and devpi-client uploads). */
export function parseMultipart(contentType: string, body: Buffer): Promise<Form> {
  return new Promise((resolve, reject) => {
    const form: Form = { fields: new Map(), files: new Map() };
    let bb: busboy.Busboy;
    try {
      // preservePath: webob hands devpi the filename as the client sent it, `/` and all.
      bb = busboy({ headers: { 'content-type': contentType }, limits: { fieldSize: 16 * 1024 * 1024 }, preservePath: true });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    bb.on('field', (name, value) => {
      const list = form.fields.get(name) ?? [];
      list.push(value);
      form.fields.set(name, list);
    });
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => form.files.set(name, { filename: info.filename ?? '', content: Buffer.concat(chunks) }));
    });
    bb.on('close', () => resolve(form));
    bb.on('error', (e) => reject(e instanceof Error ? e : new Error(String(e))));
    Readable.from([body]).pipe(bb);
  });
}

export function field(form: Form, name: string): string | undefined {
  return form.fields.get(name)?.[0];
}
