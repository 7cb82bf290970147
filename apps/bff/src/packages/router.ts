import { Router, type Request } from 'express';
import {
  projectListQuerySchema,
  searchQuerySchema,
  type ProjectPage,
  type SearchResult,
} from '@devpi-dashboard/dashboard-api';
import { notFound } from '../errors.js';
import { indexOverview, simpleUrl } from './index-view.js';
import { pageOf } from './name-lists.js';
import { projectView } from './project-view.js';
import { searchByName, searchFullText } from './search.js';
import { PackageStore } from './package-store.js';
import type { Reader } from './reader.js';
import { versionView } from './version-view.js';
import type { RouteDeps } from '../http/route-deps.js';
import { parseInput } from '../http/validate.js';
import { wantsFresh } from '../http/fresh.js';

export interface PackagesRouteDeps extends RouteDeps {
  /** Shared project-list memory; one per app. Built from `devpi` when not given (tests pass one). */
  store?: PackageStore;
  /** Load mirror lists at start and refresh them ahead of expiry (a started server does). */
  keepWarm?: boolean;
}

const indexName = (req: Request): string => `${String(req.params.user)}/${String(req.params.index)}`;

/**
 * Package browsing: paged project lists, project and version pages, search. Lists come from the
 * shared {@link PackageStore} (anonymous reads shared by all while devpi allows them, else read
 * as the session's user); everything about one project is read as the session's user.
 */
export function packagesRouter(deps: PackagesRouteDeps): Router {
  const router = Router();
  const store = deps.store ?? new PackageStore(deps.devpi, { now: deps.now });
  if (deps.keepWarm === true) store.keepWarm();
  // Who reads: lists are shared while devpi lets anyone read them, else read as the session.
  const reader = (req: Request): Reader => ({ key: req.devpiSession?.user ?? '', client: deps.devpiFor(req) });
  const publicUrl = deps.config.publicUrl ?? deps.config.devpiUrl;

  router.get('/packages/\\+search', async (req, res) => {
    const query = parseInput(searchQuerySchema, req.query);
    const { web } = await store.state(false, reader(req));
    let body: SearchResult;
    if (query.mode === 'fulltext' && web) {
      // devpi-web pages by 10; the dashboard asks for the page holding `offset`.
      const page = Math.floor(query.offset / 10) + 1;
      const { items, hasMore } = await searchFullText(deps.devpiFor(req), query.q, page);
      body = { query: query.q, mode: 'fulltext', fullTextAvailable: true, hasMore, total: (page - 1) * 10 + items.length, offset: (page - 1) * 10, limit: 10, items };
    } else {
      const { total, items } = await searchByName(store, reader(req), query.q, query.offset, query.limit);
      body = { query: query.q, mode: 'name', fullTextAvailable: web, hasMore: false, total, offset: query.offset, limit: query.limit, items };
    }
    res.json(body);
  });

  router.get('/packages/:user/:index', async (req, res) => {
    if (wantsFresh(req)) await store.serial(true);
    const overview = indexOverview(indexName(req), await store.configs(reader(req)), req.devpiSession?.user, publicUrl);
    if (!overview) throw notFound(`The index ${indexName(req)}`);
    res.json(overview);
  });

  router.get('/packages/:user/:index/\\+projects', async (req, res) => {
    const query = parseInput(projectListQuerySchema, req.query);
    const name = indexName(req);
    if (wantsFresh(req)) await store.serial(true);
    const loaded = await store.list(name, query.scope, reader(req));
    if (!loaded) throw notFound(`The index ${name}`);
    const hits = query.q ? await store.search(`${query.scope}:${name}`, loaded, query.q) : undefined;
    const { total, items } = pageOf(loaded.list, hits?.hits, query.offset, query.limit);
    const body: ProjectPage = {
      total,
      offset: query.offset,
      limit: query.limit,
      items,
      scope: query.scope,
      query: query.q ?? '',
      serial: loaded.serial,
      fetchedAt: new Date(loaded.fetchedAt).toISOString(),
    };
    res.json(body);
  });

  router.get('/packages/:user/:index/:project', async (req, res) => {
    const name = indexName(req);
    const configs = await store.configs(reader(req));
    const overview = indexOverview(name, configs, req.devpiSession?.user, publicUrl);
    const config = configs.get(name);
    if (!overview || !config) throw notFound(`The index ${name}`);
    const project = String(req.params.project);
    const view = await projectView({
      client: deps.devpiFor(req),
      user: overview.user,
      index: overview.index,
      project,
      config,
      resolution: overview.resolution,
      simpleUrl: simpleUrl(publicUrl, name, project),
    });
    if (!view) throw notFound(`The project ${project} on ${name}`);
    res.json(view);
  });

  router.get('/packages/:user/:index/:project/:version', async (req, res) => {
    const name = indexName(req);
    const config = (await store.configs(reader(req))).get(name);
    if (!config) throw notFound(`The index ${name}`);
    const { web } = await store.state(false, reader(req));
    const project = String(req.params.project);
    const version = String(req.params.version);
    const view = await versionView({
      client: deps.devpiFor(req),
      user: String(req.params.user),
      index: String(req.params.index),
      project,
      version,
      config,
      visible: async () => (await store.list(name, 'all', reader(req)))?.list,
      webAvailable: web,
      simpleUrl: simpleUrl(publicUrl, name),
    });
    if (!view) throw notFound(`Version ${version} of ${project} on ${name}`);
    res.json(view);
  });

  return router;
}

export { PackageStore };
