// What every benchmark needs around its child processes: loopback ports, their memory, stopping them.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { stopChild } from '../e2e/support/processes.js';

export { freePort } from '../e2e/support/processes.js';

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kb === undefined) throw new Error(`cannot read the RSS of process ${pid} from /proc`);
  return Number(kb) / 1024;
}

/**
 * Stops the children this benchmark started, newest first, and waits until each has exited, so no
 * benchmark leaves a draining server behind for the next one to measure against.
 */
export async function stopChildren(children: ChildProcess[]): Promise<void> {
  for (const child of [...children].reverse()) await stopChild(child);
}

/**
 * Starts `node args...` in `cwd`, adds it to `children`, and resolves with the first capture of
 * `ready` in a line of its stdout (a URL it prints once it listens); rejects if it exits first.
 */
export async function startReadyChild(children: ChildProcess[], cwd: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<string> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout ?? Readable.from([]) });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${args.join(' ')} exited with ${String(code)} before it was ready`);
  });
  const found = new Promise<string>((resolve) => {
    lines.on('line', (line) => {
      const m = ready.exec(line);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
  });
  const url = await Promise.race([found, exited]);
  lines.on('line', () => undefined);
  return url;
}
