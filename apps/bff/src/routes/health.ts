import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { Router } from 'express';
import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import type { Lifecycle } from '../middleware/draining.js';
import type { Store } from '../store/index.js';

/** What /readyz asks of the store; a mutation without it would be refused (no history). */
export type StorePing = Pick<Store, 'ping'>;

/**
 * `/healthz`: the process answers. `/readyz`: devpi and the store answer too and we are not
 * shutting down, so the load balancer may send traffic. Without the store every mutation would be
 * refused (its intent cannot be recorded) and logins could not be counted.
 */
export function healthRouter(readinessDevpi: DevpiClient, store: StorePing, lifecycle: Lifecycle): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    // Fails first thing on SIGTERM, while we still serve, so traffic moves away before we close.
    if (lifecycle.phase !== 'serving') {
      res.status(503).json({ status: 'draining' });
      return;
    }
    try {
      await store.ping();
    } catch (error) {
      req.log.warn({ err: error }, 'not ready: the store does not answer');
      res.status(503).json({ error: { code: errorCodes.storeUnavailable, message: 'The dashboard store (its database) cannot be reached.', status: 503 } });
      return;
    }
    try {
      await readinessDevpi.api();
      res.json({ status: 'ready' });
    } catch (error) {
      req.log.warn({ err: error }, 'not ready: devpi unreachable');
      res.status(503).json({ error: { code: errorCodes.devpiUnavailable, message: 'devpi cannot be reached.', status: 503 } });
    }
  });
  return router;
}
