import { parseArgs } from 'node:util';
import { startDevpiSim } from './server.js';
import type { DevpiSim } from './server.js';

/**
 * `devpi-sim --host 127.0.0.1 --port N [--restrict-modify root] [--outside-url URL] [--latency-ms N] [--trimmed] [--tokens] [--demo]`:
 * start like devpi-init followed by devpi-server, seed the demo if asked, then print one line when ready.
 */
export async function runCli(argv: string[], print: (line: string) => void = console.log): Promise<DevpiSim> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '3141' },
      'restrict-modify': { type: 'string' },
      'outside-url': { type: 'string' },
      'latency-ms': { type: 'string' },
      trimmed: { type: 'boolean', default: false },
      tokens: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
    },
  });
  const sim = await startDevpiSim({
    host: values.host,
    port: Number(values.port),
    restrictModify: values['restrict-modify']?.split(',').map((s) => s.trim()).filter(Boolean),
    outsideUrl: values['outside-url'],
    latencyMs: values['latency-ms'] ? Number(values['latency-ms']) : 0,
    trimmed: values.trimmed,
    tokens: values.tokens,
  });
  if (values.demo) {
    const { seedDemo } = await import('./seed-demo.js');
    await seedDemo(sim.url, '');
  }
  print(`devpi-sim listening on ${sim.url}`);
  return sim;
}
