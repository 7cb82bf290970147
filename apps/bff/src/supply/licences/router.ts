import { Router, type Request, type Response } from 'express';
import { csvCell } from '../../history/export.js';
import type { RouteDeps } from '../../http/route-deps.js';
import { notFound } from '../../errors.js';
import { sessionUser } from '../access.js';
import { hostedVersions } from '../hosted-releases.js';
import { LICENCE_CSV_COLUMNS, licenceCsvCells, licenceReport } from './licence-report.js';

/** `GET /licences/<u>/<i>` (grouped) and `.../export.csv` (one row per release), read as the viewer. */
export function licencesRouter(deps: RouteDeps): Router {
  const router = Router();

  const hosted = async (req: Request) => {
    sessionUser(req);
    const name = `${String(req.params['user'])}/${String(req.params['index'])}`;
    const releases = await hostedVersions(deps.devpiFor(req), name);
    if (releases === undefined) throw notFound(`The stage index ${name}`);
    return { name, releases };
  };

  router.get('/licences/:user/:index', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const { name, releases } = await hosted(req);
    res.json(licenceReport(name, releases));
  });

  router.get('/licences/:user/:index/export.csv', async (req: Request, res: Response) => {
    const { name, releases } = await hosted(req);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="licences-${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.csv"`);
    res.write(`${LICENCE_CSV_COLUMNS.join(',')}\r\n`);
    for (const release of releases) res.write(`${licenceCsvCells(release).map(csvCell).join(',')}\r\n`);
    res.end();
  });

  return router;
}
