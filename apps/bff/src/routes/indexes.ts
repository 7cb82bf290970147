import { Router } from 'express';
import type { IndexList, IndexSummary } from '@devpi-dashboard/dashboard-api';
import { isMirrorIndex } from '@devpi-dashboard/devpi-client';
import { indexWarnings } from '../domain/index-warnings.js';
import { isVolatile, stageLike } from '../domain/stage-like.js';
import { listIndexes } from '../domain/devpi-listing.js';
import type { RouteDeps } from '../http/route-deps.js';

/** `GET /indexes`: every index, grouped by owner, with type, volatility and warnings. */
export function indexesRouter(deps: RouteDeps): Router {
  const router = Router();
  router.get('/indexes', async (req, res) => {
    const listing = await deps.devpiFor(req).listRoot();
    const indexes = listIndexes(listing);
    const users = new Set(Object.keys(listing));
    const byName = new Map(indexes.map((ix) => [ix.name, ix.config]));
    const owners = new Map<string, IndexSummary[]>();
    for (const { name, owner, index, config } of indexes) {
      const summary: IndexSummary = {
        name,
        owner,
        index,
        type: config.type,
        volatile: isVolatile(config),
        ...(config.title === undefined ? {} : { title: config.title }),
        bases: stageLike(config)?.bases ?? [],
        aclUpload: stageLike(config)?.aclUpload ?? [],
        ...(isMirrorIndex(config) ? { mirrorUrl: config.mirror_url } : {}),
        warnings: indexWarnings(name, config, users, byName),
      };
      owners.set(owner, [...(owners.get(owner) ?? []), summary]);
    }
    const body: IndexList = {
      total: indexes.length,
      owners: [...owners.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([owner, list]) => ({ owner, indexes: list })),
    };
    res.json(body);
  });
  return router;
}
