import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { Router } from 'express';
import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import type { Lifecycle } from '../middleware/draining.js';

/**
 * `/healthz`: the process answers. `/readyz`: devpi answers too and we are not shutting down, so
 * the load balancer may send traffic.
 */
export function healthRouter(readinessDevpi: DevpiClient, lifecycle: Lifecycle): Router {
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
      await readinessDevpi.api();
      res.json({ status: 'ready' });
    } catch (error) {
      req.log.warn({ err: error }, 'not ready: devpi unreachable');
      res.status(503).json({ error: { code: errorCodes.devpiUnavailable, message: 'devpi cannot be reached.', status: 503 } });
    }
  });
  return router;
}
