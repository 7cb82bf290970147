import { Router } from 'express';
import { configRouter } from './config.js';
import type { HistoryStore } from '../history/history-store.js';
import { historyRouter } from '../history/router.js';
import { indexesRouter } from './indexes.js';
import { PackageStore, packagesRouter, type PackagesRouteDeps } from '../packages/router.js';
import { permissionsRouter } from './permissions.js';
import { sessionRouter, type SessionRouteDeps } from './session.js';
import { supplyRouter } from '../supply/router.js';
import { usersRouter } from './users.js';
import { tokensRouter } from '../tokens/router.js';
import { licencesRouter } from '../supply/licences/router.js';
import { vulnRouter, type VulnRouteDeps } from '../supply/vulns/router.js';

/** The dashboard's own JSON API, mounted under /+dashboard/api after the body parser. */
export function apiRoutes(deps: SessionRouteDeps & Pick<PackagesRouteDeps, 'store' | 'keepWarm'> & { history?: HistoryStore | undefined } & VulnRouteDeps): Router {
  const router = Router();
  // One list memory for browsing and the supply guard: a mirror's names are held once.
  const store = deps.store ?? new PackageStore(deps.devpi, { now: deps.now });
  router.use(sessionRouter(deps));
  router.use(configRouter(deps));
  router.use(usersRouter(deps));
  router.use(indexesRouter(deps));
  router.use(permissionsRouter(deps));
  router.use(packagesRouter({ ...deps, store }));
  router.use(supplyRouter({ ...deps, store }));
  router.use(tokensRouter(deps));
  router.use(vulnRouter(deps));
  router.use(licencesRouter(deps));
  if (deps.history !== undefined) router.use(historyRouter({ ...deps, history: deps.history }));
  return router;
}
