// What every benchmark needs around its child processes: loopback ports, their memory, stopping them.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
