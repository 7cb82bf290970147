#!/usr/bin/env node
import { runCli } from './cli-main.js';

const sim = await runCli(process.argv.slice(2));

function shutdown(): void {
  // do not let idle keep-alive sockets (the double fetching from itself) hold the process
  setTimeout(() => process.exit(0), 1000).unref();
  void sim.close().then(() => process.exit(0));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
