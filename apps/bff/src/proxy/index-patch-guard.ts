import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { HttpError } from '../errors.js';
import { isIndexPath } from './path-guard.js';

/** An index config as a list of operations is a few hundred bytes; anything near this is not one. */
export const INDEX_PATCH_LIMIT_BYTES = 64 * 1024;

const operations = z.array(z.string());

/** Bodies read by the guard, handed to the proxy to send on (the request stream is spent). */
const bufferedBodies = new WeakMap<IncomingMessage, Buffer>();

/** Hands a body read before the proxy on to it, with the length devpi will see. */
export function bufferBody(req: IncomingMessage, body: Buffer): void {
  bufferedBodies.set(req, body);
  req.headers['content-length'] = String(body.length);
  delete req.headers['transfer-encoding'];
}

/** The body a guard already read, without taking it (the history classifies it too). */
export function peekBufferedBody(req: IncomingMessage): Buffer | undefined {
  return bufferedBodies.get(req);
}

export function takeBufferedBody(req: IncomingMessage): Buffer | undefined {
  const body = bufferedBodies.get(req);
  bufferedBodies.delete(req);
  return body;
}

export function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume(); // drain and discard the rest so the 413 can still be written
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    // A client that goes away mid-body must not leave this promise (and its chunks) pending.
    req.once('close', () => resolve('aborted'));
  });
}

const refuse = (message: string) => new HttpError(400, errorCodes.indexPatchFormRefused, message);

/**
 * Only devpi's list-of-operations PATCH (`["acl_upload+=bob", "title=x"]`) may change an index.
 * A dict PATCH carries a whole config read earlier and would silently undo what another admin
 * changed in between. devpi parses the body whatever the Content-Type says, so every PATCH to
 * `/<user>/<index>` is read here, whatever its type, but only up to 64 KB: no large body is
 * ever buffered. Every other request streams untouched.
 */
export function indexPatchGuard() {
  return async function guardIndexPatch(req: Request, _res: Response, next: NextFunction): Promise<void> {
    if (req.method !== 'PATCH' || !isIndexPath(req.url)) return next();
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding !== 'identity') return next(refuse('Index changes must not be compressed.'));
    const body = await readLimited(req, INDEX_PATCH_LIMIT_BYTES);
    if (body === 'aborted') return;
    if (body === 'too_large') {
      return next(new HttpError(413, errorCodes.payloadTooLarge, 'An index change must be a short list of operations.'));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return next(refuse('Index changes must be a JSON list of operations such as ["acl_upload+=bob"].'));
    }
    if (!operations.safeParse(parsed).success) {
      return next(refuse('Index changes must be a JSON list of operations such as ["acl_upload+=bob"], not a whole config.'));
    }
    bufferBody(req, body);
    next();
  };
}
