import { Router } from 'express';
import { uploadExplainQuerySchema, uploadMatrixQuerySchema, type UploadMatrix } from '@devpi-dashboard/dashboard-api';
import { explainUpload } from '../domain/explain-upload.js';
import { uploadVerdict } from '../domain/upload-permission.js';
import { isValidName } from '@devpi-dashboard/devpi-client';
import { badRequest, notFound } from '../errors.js';
import { listIndexes } from '../domain/devpi-listing.js';
import type { RouteDeps } from '../http/route-deps.js';
import { parseInput } from '../http/validate.js';

/** The users x indexes upload matrix and the "why can't X upload to Y" explainer. */
export function permissionsRouter(deps: RouteDeps): Router {
  const router = Router();

  router.get('/permissions/upload-matrix', async (req, res) => {
    const query = parseInput(uploadMatrixQuerySchema, req.query);
    const listing = await deps.devpiFor(req).listRoot();
    const indexFilter = query.index?.toLowerCase() ?? '';
    const indexes = listIndexes(listing).filter((ix) => indexFilter === '' || ix.name.toLowerCase().includes(indexFilter));
    const userFilter = query.q?.toLowerCase() ?? '';
    const users = Object.keys(listing)
      .filter((name) => userFilter === '' || name.toLowerCase().includes(userFilter))
      .sort((a, b) => a.localeCompare(b));
    const body: UploadMatrix = {
      indexes: indexes.map((ix) => ({ name: ix.name, type: ix.config.type })),
      totalUsers: users.length,
      offset: query.offset,
      limit: query.limit,
      rows: users.slice(query.offset, query.offset + query.limit).map((user) => ({
        user,
        cells: indexes.map((ix) => ({ index: ix.name, ...uploadVerdict(user, ix.config) })),
      })),
    };
    res.json(body);
  });

  router.get('/permissions/upload-explain', async (req, res) => {
    const query = parseInput(uploadExplainQuerySchema, req.query);
    const [owner = '', name = ''] = query.index.split('/');
    const devpi = deps.devpiFor(req);
    const anonymous = query.user.toUpperCase() === ':ANONYMOUS:';
    if (!isValidName(owner) || !isValidName(name) || (!anonymous && !isValidName(query.user))) {
      throw badRequest('User and index names may not contain spaces or punctuation other than -.@_');
    }
    const [config, user] = await Promise.all([
      devpi.getIndex(owner, name, { noProjects: true }),
      anonymous ? Promise.resolve(undefined) : devpi.getUser(query.user),
    ]);
    if (config === undefined) throw notFound(`The index ${query.index}`);
    res.json(explainUpload({ user: anonymous ? ':ANONYMOUS:' : query.user, index: query.index, config, userExists: anonymous || user !== undefined }));
  });

  return router;
}
