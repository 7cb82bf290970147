import { Router } from 'express';
import { configRouter } from './config.js';
import type { HistoryStore } from '../history/history-store.js';
import { historyRouter } from '../history/router.js';
import { indexesRouter } from './indexes.js';
import { packagesRouter } from '../packages/router.js';
import { permissionsRouter } from './permissions.js';
import { sessionRouter, type SessionRouteDeps } from './session.js';
import { usersRouter } from './users.js';
import { tokensRouter } from '../tokens/router.js';
import { licencesRouter } from '../supply/licences/router.js';
import { vulnRouter, type VulnRouteDeps } from '../supply/vulns/router.js';

/** The dashboard's own JSON API, mounted under /+dashboard/api after the body parser. */
export function apiRoutes(deps: SessionRouteDeps & { history?: HistoryStore | undefined } & VulnRouteDeps): Router {
  const router = Router();
  router.use(sessionRouter(deps));
  router.use(configRouter(deps));
  router.use(usersRouter(deps));
  router.use(indexesRouter(deps));
  router.use(permissionsRouter(deps));
  router.use(packagesRouter(deps));
  router.use(tokensRouter(deps));
  router.use(vulnRouter(deps));
  router.use(licencesRouter(deps));
  if (deps.history !== undefined) router.use(historyRouter({ ...deps, history: deps.history }));
  return router;
}
