import { expect } from 'vitest';
import { ErrorBody } from '../schemas/envelope.js';
import { DevpiError } from '../errors.js';
import { RECORDED_BASE, type Transcript } from './transcripts.js';

/** The message a caller must see for a recorded error: JSON `message`, else `title`, else the reason phrase. */
export function recordedMessage(t: Transcript): string {
  const body = ErrorBody.safeParse(t.response.body);
  if (body.success && body.data.message !== undefined && body.data.message.trim() !== '') return body.data.message;
  if (body.success && body.data.title !== undefined) return body.data.title;
  return t.response.reason;
}

/** Asserts the promise rejects with the DevpiError the recorded response must produce. */
export async function expectRecordedError(promise: Promise<unknown>, t: Transcript): Promise<DevpiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DevpiError);
  if (!(error instanceof DevpiError)) throw new Error('unreachable');
  expect({ kind: error.kind, status: error.status, method: error.method, url: error.url, message: error.message }).toEqual({
    kind: 'http',
    status: t.response.status,
    method: t.request.method,
    url: `${RECORDED_BASE}${t.request.path}`,
    message: recordedMessage(t),
  });
  expect(error.reason).toBe(t.response.reason);
  return error;
}
