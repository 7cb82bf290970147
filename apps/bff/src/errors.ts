import { errorCodes, type ErrorBody } from '@devpi-dashboard/dashboard-api';

/** An error whose message is safe to show: it becomes the one JSON error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message, status: this.status };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

export const sessionExpired = (): HttpError =>
  new HttpError(401, errorCodes.sessionExpired, 'Your session has ended. Please log in again.');

export const notLoggedIn = (): HttpError => new HttpError(401, errorCodes.notLoggedIn, 'Please log in first.');

export const notFound = (what = 'This page'): HttpError => new HttpError(404, errorCodes.notFound, `${what} does not exist.`);

export const badRequest = (message: string, details?: Record<string, unknown>): HttpError =>
  new HttpError(400, errorCodes.validation, message, details);

export const devpiUnavailable = (): HttpError =>
  new HttpError(502, errorCodes.devpiUnavailable, 'devpi cannot be reached right now. Try again in a moment.');

export const devpiTimeout = (): HttpError =>
  new HttpError(504, errorCodes.devpiTimeout, 'devpi did not answer in time. Try again in a moment.');
