import type { Ctx } from './http.js';
import type { JsonObject } from './model.js';
import { SERVER_VERSION, WEB_VERSION } from './html-layout.js';

/** `GET /+status` as devpi-server reports it (a primary, never a replica). */
export function statusResult(ctx: Ctx): JsonObject {
  const { store, options } = ctx.sim;
  const ts = store.lastCommitMs / 1000;
  return {
    serverdir: '(in memory)',
    uuid: store.uuid,
    versioninfo: { 'devpi-server': SERVER_VERSION, 'devpi-web': WEB_VERSION },
    'server-code': '@devpi-dashboard/devpi-sim',
    host: options.host,
    port: options.port,
    'outside-url': options.outsideUrl ?? null,
    serial: store.serial,
    'last-commit-timestamp': ts,
    'event-serial': store.serial,
    'event-serial-timestamp': ts,
    'event-serial-in-sync-at': ts,
    metrics: [['devpi_web_whoosh_index_queue_size', 'gauge', 0], ['devpi_web_whoosh_index_error_queue_size', 'gauge', 0]],
    role: 'MASTER',
    polling_replicas: {},
  };
}
