import { Router } from 'express';
import type { Status } from '@devpi-dashboard/devpi-client';
import type { DashboardConfig } from '@devpi-dashboard/dashboard-api';
import { BFF_VERSION } from '../version.js';
import type { RouteDeps } from '../http/route-deps.js';

const STATUS_TTL_MS = 60_000;

/** `GET /config`: public settings for the SPA. devpi's /+status is cached for a minute. */
export function configRouter(deps: RouteDeps): Router {
  const router = Router();
  let cached: { at: number; status: Status } | undefined;

  const status = async (): Promise<Status | undefined> => {
    if (cached !== undefined && deps.now() - cached.at < STATUS_TTL_MS) return cached.status;
    try {
      cached = { at: deps.now(), status: await deps.devpi.status() };
      return cached.status;
    } catch (error) {
      deps.logger.warn({ err: error }, 'devpi /+status failed; config answered without it');
      return undefined;
    }
  };

  router.get('/config', async (req, res) => {
    const versions = (await status())?.versioninfo ?? {};
    const body: DashboardConfig = {
      publicUrl: deps.config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`,
      searchAvailable: versions['devpi-web'] !== undefined,
      version: BFF_VERSION,
      devpiVersion: versions['devpi-server'] ?? null,
    };
    res.setHeader('Cache-Control', 'no-cache');
    res.json(body);
  });
  return router;
}
