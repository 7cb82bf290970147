// devpi push to another package index (posturl/username/password): register, then upload each file like twine.
import type { Sim } from './http.js';
import type { FileLink, JsonObject, JsonValue } from './model.js';

function formFrom(metadata: JsonObject, action: string): FormData {
  const form = new FormData();
  form.set(':action', action);
  for (const [key, value] of Object.entries(metadata)) {
    if (key.startsWith('+')) continue;
    if (Array.isArray(value)) for (const item of value) form.append(key, String(item));
    else if (value !== null && value !== undefined) form.set(key, String(value));
  }
  return form;
}

async function post(url: string, form: FormData, auth: string): Promise<{ status: number; text: string } | { error: string }> {
  try {
    const res = await fetch(url, { method: 'POST', body: form, headers: { Authorization: `Basic ${auth}` }, signal: AbortSignal.timeout(60_000) });
    return { status: res.status, text: await res.text() };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

/** The actionlog devpi returns for an external push, and whether every step succeeded. */
export async function pushExternal(
  sim: Sim, posturl: string, username: string, password: string, metadata: JsonObject, files: FileLink[], doczip: FileLink | undefined,
): Promise<{ ok: boolean; results: JsonValue[] }> {
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  const ok = (status: number): boolean => status === 200 || status === 201 || status === 410;
  const name = String(metadata['name'] ?? '');
  const version = String(metadata['version'] ?? '');
  const results: JsonValue[] = [];
  const register = await post(posturl, formFrom({ ...metadata, metadata_version: '2.1' }, 'submit'), auth);
  if ('error' in register) return { ok: false, results: [[-1, 'exception on register:', register.error]] };
  results.push([register.status, 'register', name, version]);
  if (!ok(register.status)) return { ok: false, results };
  let last = register.status;
  for (const link of files) {
    const file = sim.store.files.get(link.relpath);
    if (!file) continue;
    const form = formFrom(metadata, 'file_upload');
    form.set('filetype', link.basename.endsWith('.whl') ? 'bdist_wheel' : 'sdist');
    form.set('pyversion', link.basename.endsWith('.whl') ? (link.basename.split('-')[2] ?? 'py3') : 'source');
    form.set('sha256_digest', link.sha256);
    form.set('content', new Blob([new Uint8Array(file.content)]), link.basename);
    const res = await post(posturl, form, auth);
    if ('error' in res) {
      results.push([-1, 'exception on release upload:', res.error]);
      continue;
    }
    last = res.status;
    results.push([res.status, 'upload', link.relpath, res.text]);
  }
  const doc = doczip && sim.store.files.get(doczip.relpath);
  if (doc) {
    const form = formFrom(metadata, 'doc_upload');
    form.set('content', new Blob([new Uint8Array(doc.content)]), `${name}.zip`);
    const res = await post(posturl, form, auth);
    if ('error' in res) results.push([-1, 'exception on documentation upload:', res.error]);
    else {
      last = res.status;
      results.push([res.status, 'docfile', name]);
    }
  }
  return { ok: ok(last), results };
}
