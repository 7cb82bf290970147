import { Router, type Request } from 'express';
import { guardQuerySchema, resolveQuerySchema } from '@devpi-dashboard/dashboard-api';
import { badRequest, notFound } from '../errors.js';
import type { RouteDeps } from '../http/route-deps.js';
import { wantsFresh } from '../http/fresh.js';
import { parseInput } from '../http/validate.js';
import type { PackageStore } from '../packages/package-store.js';
import type { Reader } from '../packages/reader.js';
import { parseRequirement } from './requirement.js';
import { resolveProject } from './resolve.js';
import { SupplyService } from './supply-service.js';

export interface SupplyRouteDeps extends RouteDeps {
  /** The package store whose cached lists (mirrors included) the guard reads. */
  store: PackageStore;
}

/** Supply chain: the dependency-confusion guard, the bases graph and "resolve P on I". */
export function supplyRouter(deps: SupplyRouteDeps): Router {
  const router = Router();
  const service = new SupplyService(deps.store, deps.now);
  const reader = (req: Request): Reader => ({ key: req.devpiSession?.user ?? '', client: deps.devpiFor(req) });
  const publicUrl = deps.config.publicUrl ?? deps.config.devpiUrl;

  router.get('/supply/guard', async (req, res) => {
    const query = parseInput(guardQuerySchema, req.query);
    if (wantsFresh(req)) await deps.store.serial(true);
    res.json(await service.guard(reader(req), query.index));
  });

  router.get('/supply/graph', async (req, res) => {
    if (wantsFresh(req)) await deps.store.serial(true);
    res.json(await service.graph(reader(req)));
  });

  router.get('/supply/resolve/:user/:index', async (req, res) => {
    const query = parseInput(resolveQuerySchema, req.query);
    const index = `${String(req.params.user)}/${String(req.params.index)}`;
    const parsed = parseRequirement(query.requirement);
    if ('error' in parsed) throw badRequest(parsed.error, { field: 'requirement' });
    if (wantsFresh(req)) await deps.store.serial(true);
    const configs = await deps.store.configs(reader(req));
    if (!configs.has(index)) throw notFound(`The index ${index}`);
    res.json(await resolveProject({ client: deps.devpiFor(req), configs, index, project: parsed.project, requirement: query.requirement, specifier: parsed.specifier, pre: query.pre, publicUrl }));
  });

  return router;
}
