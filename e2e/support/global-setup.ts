// Starts the topology once for the whole run and hands its addresses to the test workers through
// the environment (workers are spawned after global setup and inherit it).
import type { FullConfig } from '@playwright/test';
import { startTopology } from './topology.js';

export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const topology = await startTopology();
  process.env.E2E_LB_URL = topology.lbUrl;
  process.env.E2E_DEVPI_URL = topology.devpiUrl;
  process.env.E2E_ROOT_PASSWORD = topology.rootPassword;
  process.env.E2E_SIMULATED = topology.simulated ? '1' : '0';
  process.env.E2E_REPLICA_PIDS = topology.replicaPids.join(',');
  return topology.stop;
}
