import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { LogCapture } from '../test/support/test-app.js';

describe('createLogger', () => {
  it('redacts credentials wherever they appear in a logged request', () => {
    const logs = new LogCapture();
    createLogger('info', logs).info(
      { req: { headers: { cookie: 'devpi_dashboard_session=abc', authorization: 'Basic eDp5', 'x-devpi-auth': 'dG9rZW4=' } }, password: 'hunter2' },
      'request',
    );
    const line = logs.lines.join('\n');
    for (const secret of ['devpi_dashboard_session=abc', 'eDp5', 'dG9rZW4=', 'hunter2']) expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
  });

  it('redacts a devpi-tokens token or login token in the body of a logged devpi error', () => {
    const logs = new LogCapture();
    const err = Object.assign(new Error('devpi answered something unexpected'), { body: { type: 'token-info', result: { token: 'devpi-AgEAAgSecret', password: 'login-secret' } } });
    createLogger('info', logs).error({ err }, 'request failed');
    const line = logs.lines.join('\n');
    expect(line).not.toContain('devpi-AgEAAgSecret');
    expect(line).not.toContain('login-secret');
    expect(line).toContain('devpi answered something unexpected');
  });
});
