import { describe, expect, it } from 'vitest';
import { runCli } from './cli-main.js';

describe('devpi-sim command', () => {
  it('starts with the given options and prints one ready line with its URL', async () => {
    const lines: string[] = [];
    const sim = await runCli(['--host', '127.0.0.1', '--port', '0', '--restrict-modify', 'root'], (l) => lines.push(l));
    try {
      expect(lines).toEqual([`devpi-sim listening on ${sim.url}`]);
      const res = await fetch(`${sim.url}/mallory`, { method: 'PUT', headers: { Accept: 'application/json' }, body: '{"password": "x"}' });
      expect(res.status).toBe(403);
    } finally {
      await sim.close();
    }
  });
});
