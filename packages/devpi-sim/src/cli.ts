#!/usr/bin/env node
// `devpi-sim --host 127.0.0.1 --port N [--restrict-modify root] [--outside-url URL] [--demo]`:
// starts like devpi-init followed by devpi-server, then prints one line when it is ready.
import { parseArgs } from 'node:util';
import { startDevpiSim } from './server.js';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '3141' },
    'restrict-modify': { type: 'string' },
    'outside-url': { type: 'string' },
    'latency-ms': { type: 'string' },
    demo: { type: 'boolean', default: false },
  },
});

const sim = await startDevpiSim({
  host: values.host,
  port: Number(values.port),
  restrictModify: values['restrict-modify']?.split(',').map((s) => s.trim()).filter(Boolean),
  outsideUrl: values['outside-url'],
  latencyMs: values['latency-ms'] ? Number(values['latency-ms']) : 0,
});
if (values.demo) {
  const { seedDemo } = await import('./seed-demo.js');
  await seedDemo(sim.url, '');
}
console.log(`devpi-sim listening on ${sim.url}`);

function shutdown(): void {
  // do not let idle keep-alive sockets (the double fetching from itself) hold the process
  setTimeout(() => process.exit(0), 1000).unref();
  void sim.close().then(() => process.exit(0));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
