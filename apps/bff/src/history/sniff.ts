import type { Readable } from 'node:stream';
import type { UploadForm } from './classify.js';

/** Upload forms put their fields before the file; this much of the stream always holds them. */
const FORM_SNIFF_BYTES = 64 * 1024;
/** devpi's answers to a mutation are short JSON; a longer body carries no message worth keeping. */
const ANSWER_SNIFF_BYTES = 16 * 1024;

/**
 * Watches the first `limit` bytes of a stream as it flows past, without consuming it or changing
 * its pace: attach it in the same tick as the `pipe`, so no chunk is missed.
 */
function watchHead(stream: Readable, limit: number, onHead: (head: Buffer, complete: boolean) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  const finish = (complete: boolean) => {
    if (done) return;
    done = true;
    stream.off('data', onData);
    onHead(Buffer.concat(chunks), complete);
  };
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) finish(false);
  };
  stream.on('data', onData);
  stream.once('end', () => finish(true));
  stream.once('close', () => finish(false));
}

function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Reads `:action`, `name`, `version` and the file's name from the head of a multipart form. */
export function parseFormHead(head: Buffer, contentType: string): UploadForm {
  const boundary = boundaryOf(contentType);
  if (boundary === undefined) return {};
  const form: UploadForm = {};
  const text = head.toString('utf8');
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (filename !== undefined) {
      form.filename = filename;
      break; // the file follows: nothing after it is a field the history needs
    }
    const value = part.slice(split + 4).replace(/\r\n$/, '');
    if (name === ':action') form.action = value;
    else if (name === 'name') form.name = value;
    else if (name === 'version') form.version = value;
  }
  return form;
}

export function sniffUploadForm(req: Readable, contentType: string): Promise<UploadForm> {
  return new Promise((resolve) => watchHead(req, FORM_SNIFF_BYTES, (head) => resolve(parseFormHead(head, contentType))));
}

/** devpi's `message` from a short JSON answer, if it has one. */
export function answerMessage(head: Buffer): string | undefined {
  try {
    const parsed: unknown = JSON.parse(head.toString('utf8'));
    if (typeof parsed === 'string') return parsed;
    const message: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'message') : undefined;
    return typeof message === 'string' && message.trim() !== '' ? message.trim() : undefined;
  } catch {
    return undefined;
  }
}

export function sniffAnswer(res: Readable): Promise<string | undefined> {
  return new Promise((resolve) => watchHead(res, ANSWER_SNIFF_BYTES, (head, complete) => resolve(complete ? answerMessage(head) : undefined)));
}
