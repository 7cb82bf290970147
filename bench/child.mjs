// Runs one benchmark module in this process and hands its rows back to bench/run.mjs on stdout.
import { pathToFileURL } from 'node:url';

const mod = await import(pathToFileURL(process.argv[2]).href);
const rows = await mod.run();
process.stdout.write(`\nBENCH_ROWS ${JSON.stringify(rows)}\n`);
process.exit(0);
