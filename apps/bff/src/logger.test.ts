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
});
