import { randomBytes } from 'node:crypto';
import { startDevpiSim } from './server.js';
import type { DevpiSim } from './server.js';

export interface DevpiTarget {
  url: string;
  rootPassword: string;
  close(): Promise<void>;
  /** Present when the target is a fresh double: test-only powers such as advanceClock. */
  sim?: DevpiSim;
}

export interface DevpiTargetOptions {
  /** A fresh double runs with the devpi-tokens plugin (a DEVPI_URL server has it or not: ask it). */
  tokens?: boolean;
}

/** The devpi at DEVPI_URL (with DEVPI_ROOT_PASSWORD), or else a fresh double on a free loopback port. */
export async function devpiTarget(options: DevpiTargetOptions = {}): Promise<DevpiTarget> {
  const url = process.env['DEVPI_URL'];
  if (url) return { url: url.replace(/\/+$/, ''), rootPassword: process.env['DEVPI_ROOT_PASSWORD'] ?? '', close: async () => {} };
  const sim = await startDevpiSim({ tokens: options.tokens ?? false });
  return { url: sim.url, rootPassword: '', close: () => sim.close(), sim };
}

/** A name no other test run has used: `alice-k3j9x2`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
