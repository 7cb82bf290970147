import { Router, type Request } from 'express';
import { isFullStatus, type Status } from '@devpi-dashboard/devpi-client';
import type { DashboardConfig } from '@devpi-dashboard/dashboard-api';
import { BFF_VERSION } from '../version.js';
import type { RouteDeps } from '../http/route-deps.js';

const STATUS_TTL_MS = 60_000;

/**
 * `GET /config`: public settings for the SPA. devpi's /+status is cached for a minute. Where
 * devpi-admin withholds it from anonymous callers (health only), a signed-in request asks with its
 * own credentials and what it learns goes to signed-in requests only: anonymous ones get "no
 * search" and no devpi version, as devpi itself tells them nothing more, and without a warning
 * each time. For that minute anonymous asks of devpi are not repeated.
 */
export function configRouter(deps: RouteDeps): Router {
  const router = Router();
  let cached: { at: number; status: Status; everyone: boolean } | undefined;
  let withheldAt: number | undefined;

  const fresh = (at: number | undefined) => at !== undefined && deps.now() - at < STATUS_TTL_MS;

  const ask = async (req: Request, signedIn: boolean): Promise<Status | undefined> => {
    if (!fresh(withheldAt)) {
      const answer = await deps.devpi.status();
      if (isFullStatus(answer)) {
        cached = { at: deps.now(), status: answer, everyone: true };
        return answer;
      }
      if (withheldAt === undefined) deps.logger.info('devpi shows anonymous callers only its health at /+status (devpi-admin); signed-in requests ask with their own credentials');
      withheldAt = deps.now();
    }
    if (!signedIn) return undefined;
    const answer = await deps.devpiFor(req).status();
    if (!isFullStatus(answer)) return undefined;
    cached = { at: deps.now(), status: answer, everyone: false };
    return answer;
  };

  const status = async (req: Request): Promise<Status | undefined> => {
    const signedIn = req.devpiSession !== undefined;
    if (cached !== undefined && fresh(cached.at) && (cached.everyone || signedIn)) return cached.status;
    try {
      return await ask(req, signedIn);
    } catch (error) {
      deps.logger.warn({ err: error }, 'devpi /+status failed; config answered without it');
      return undefined;
    }
  };

  router.get('/config', async (req, res) => {
    const versions = (await status(req))?.versioninfo ?? {};
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
