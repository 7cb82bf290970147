import type { NextFunction, Request, Response } from 'express';
import { DevpiError } from '@devpi-dashboard/devpi-client';
import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { devpiTimeout, devpiUnavailable, HttpError } from '../errors.js';

/**
 * Express' own errors (bad JSON, too large, a missing static file) carry a 4xx status; only
 * the status is used, never their message, which may name a file path.
 */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status: unknown = Reflect.get(error, 'status');
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** Maps a devpi failure to what the browser may see: devpi's message, never its address. */
function fromDevpi(error: DevpiError): HttpError {
  if (error.kind === 'network') {
    return error.cause instanceof Error && error.cause.name === 'TimeoutError' ? devpiTimeout() : devpiUnavailable();
  }
  if (error.kind === 'invalid_response') return new HttpError(502, errorCodes.devpiBadResponse, 'devpi answered something unexpected.');
  const status = error.status >= 400 && error.status < 600 ? error.status : 502;
  return new HttpError(status, errorCodes.devpiError, error.message, { devpiStatus: error.status });
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof DevpiError) return fromDevpi(error);
  const status = clientErrorStatus(error);
  if (status === 404) return new HttpError(404, errorCodes.notFound, 'There is nothing at this address.');
  if (status === 413) return new HttpError(413, errorCodes.payloadTooLarge, 'The request body is too large.');
  if (status !== undefined) return new HttpError(status, errorCodes.validation, 'The request could not be read.');
  return new HttpError(500, errorCodes.internal, 'Something went wrong on our side. It has been logged.');
}

/** The one error handler: one JSON body shape, 5xx logged with the request id, no stack traces out. */
export function errorHandler() {
  return function handleError(error: unknown, req: Request, res: Response, _next: NextFunction): void {
    const httpError = toHttpError(error);
    if (httpError.status >= 500) req.log.error({ err: error }, 'request failed');
    if (res.headersSent) {
      // Too late for a JSON body: cut the connection so the client sees a failure, not a truncated success.
      req.socket.destroy();
      return;
    }
    for (const [name, value] of Object.entries(httpError.headers ?? {})) res.setHeader(name, value);
    res.status(httpError.status).json(httpError.toBody());
  };
}

export function notFoundHandler() {
  return function routeNotFound(_req: Request, _res: Response, next: NextFunction): void {
    next(new HttpError(404, errorCodes.notFound, 'There is nothing at this address.'));
  };
}
