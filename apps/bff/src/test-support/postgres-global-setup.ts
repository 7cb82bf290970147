// vitest globalSetup: one PostgreSQL for the whole BFF run; every store suite makes its own
// database on it (see store-dialects.ts). STORE_TEST_POSTGRES_URL points at an existing server instead.
import type { TestProject } from 'vitest/node';
import { postgresAvailable, startPostgres, type PostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the test server, or a reason why there is none. */
    postgres: { url: string } | { missing: string };
  }
}

let server: PostgresServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const external = process.env['STORE_TEST_POSTGRES_URL'];
  if (external !== undefined && external !== '') {
    project.provide('postgres', { url: external });
    return;
  }
  if (!postgresAvailable()) {
    project.provide('postgres', { missing: 'PostgreSQL binaries not found (apt-get install postgresql; .ci/run does)' });
    return;
  }
  server = await startPostgres();
  project.provide('postgres', { url: server.url });
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
