import { describe, expect, it } from 'vitest';
import { devpiMessage, DevpiError } from './errors.js';

describe('devpiMessage', () => {
  it('takes the JSON message of API errors', () => {
    expect(devpiMessage(404, 'Not Found', { message: "no user 'x'" })).toEqual({ message: "no user 'x'" });
  });

  it('keeps pyramid permission errors with their code and title', () => {
    const body = { message: 'Access was denied to this resource.\n\n\nUnauthorized: PyPIView failed permission check\n\n', code: '403 Forbidden', title: 'Forbidden' };
    expect(devpiMessage(403, 'Forbidden', body)).toEqual({ message: body.message, code: '403 Forbidden', title: 'Forbidden' });
  });

  it('uses the title when the message is only newlines (upload errors, API.md gotcha 9)', () => {
    const body = { message: '\n\n\n\n\n', code: '409 x.whl already exists in non-volatile index', title: 'x.whl already exists in non-volatile index' };
    expect(devpiMessage(409, 'x.whl already exists in non-volatile index', body).message).toBe('x.whl already exists in non-volatile index');
  });

  it('uses a specific reason phrase when the body says nothing', () => {
    expect(devpiMessage(403, 'no permission to submit', '403 no permission to submit\n\n\n')).toEqual({ message: 'no permission to submit' });
  });

  it('falls back to the first line of a short text body, without its status code', () => {
    expect(devpiMessage(502, 'Bad Gateway', '502 upstream went away\nmore')).toEqual({ message: 'upstream went away' });
  });

  it('does not show an HTML error page; the reason phrase or status stands in', () => {
    expect(devpiMessage(404, 'Not Found', '<!doctype html><html>...</html>')).toEqual({ message: 'Not Found' });
    expect(devpiMessage(500, '', '<html></html>')).toEqual({ message: 'HTTP 500' });
  });
});

describe('DevpiError', () => {
  it('is an Error carrying everything the caller needs', () => {
    const error = new DevpiError({ kind: 'http', status: 409, method: 'PUT', url: 'http://h/alice', message: 'user already exists', reason: 'Conflict', body: { message: 'user already exists' } });
    expect(error).toBeInstanceOf(Error);
    expect({ ...error, message: error.message, name: error.name }).toMatchObject({
      name: 'DevpiError', kind: 'http', status: 409, method: 'PUT', url: 'http://h/alice', message: 'user already exists', reason: 'Conflict', body: { message: 'user already exists' },
    });
  });
});
