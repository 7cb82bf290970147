import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { HttpError } from '../../errors.js';

const tooLarge = (limit: number) =>
  new HttpError(413, errorCodes.payloadTooLarge, `The OSV dump is larger than the ${Math.round(limit / 1024 / 1024)} MiB this dashboard accepts (OSV_UPLOAD_MAX_MB).`);

/**
 * Streams a request body to a temporary file, never holding it in memory, and stops at `limit`
 * bytes. The caller reads the file and removes it with `discard`.
 */
export async function receiveToFile(req: Request, limit: number): Promise<{ path: string; bytes: number; discard: () => Promise<void> }> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw tooLarge(limit);
  const path = join(tmpdir(), `osv-upload-${randomUUID()}.zip`);
  const discard = () => rm(path, { force: true });
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > limit ? tooLarge(limit) : null, chunk);
    },
  });
  try {
    await pipeline(req, counter, createWriteStream(path));
  } catch (error) {
    await discard();
    throw error instanceof HttpError ? error : new HttpError(400, errorCodes.validation, 'The upload was interrupted before the whole file arrived.');
  }
  return { path, bytes, discard };
}
