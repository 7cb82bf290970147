import { Router, type Request, type Response } from 'express';
import {
  historyQuerySchema,
  type HistoryEntry,
  type HistoryFilter,
  type HistoryPage,
} from '@devpi-dashboard/dashboard-api';
import { notLoggedIn } from '../errors.js';
import type { RouteDeps } from '../http/route-deps.js';
import { parseInput } from '../http/validate.js';
import { csvHeader, csvRow } from './export.js';
import { mergeFileLog, readFileLog } from './file-log.js';
import { serialGaps, toEntry } from './history-entry.js';
import type { HistoryStore, HistoryViewer } from './history-store.js';

export interface HistoryRouteDeps extends RouteDeps {
  history: HistoryStore;
}

/** A project's history reads this many recorded entries at most before merging devpi's file log. */
const PROJECT_MERGE_LIMIT = 5_000;

function viewerOf(req: Request): HistoryViewer {
  const user = req.devpiSession?.user;
  if (user === undefined) throw notLoggedIn();
  return user === 'root' ? { kind: 'all' } : { kind: 'user', user };
}

function visible(entry: HistoryEntry, viewer: HistoryViewer): boolean {
  if (viewer.kind === 'all') return true;
  return entry.actor === viewer.user || entry.target.index?.split('/')[0] === viewer.user;
}

/** Filters devpi's file-log entries the way the store filters its rows. */
function matchesFilter(entry: HistoryEntry, filter: HistoryFilter): boolean {
  if (filter.actor !== undefined && entry.actor !== filter.actor) return false;
  if (filter.action !== undefined && entry.action !== filter.action) return false;
  if (filter.outcome !== undefined && entry.outcome.state !== filter.outcome) return false;
  if (filter.user !== undefined && entry.target.index?.split('/')[0] !== filter.user) return false;
  if (filter.from !== undefined && entry.at < new Date(filter.from).toISOString()) return false;
  if (filter.to !== undefined && entry.at >= new Date(filter.to).toISOString()) return false;
  return true;
}

const isUnfiltered = (filter: HistoryFilter) => Object.values(filter).every((value) => value === undefined);

/** `GET /history` (a page), `/history/export.csv` and `/history/export.json` (the whole filtered set). */
export function historyRouter(deps: HistoryRouteDeps): Router {
  const router = Router();

  /** A project on one index: what the dashboard recorded plus devpi's own file log. */
  const projectEntries = async (req: Request, filter: HistoryFilter, viewer: HistoryViewer, index: string, project: string) => {
    const { rows } = await deps.history.list(filter, viewer, 0, PROJECT_MERGE_LIMIT);
    const fileLog = await readFileLog(deps.devpiFor(req), index, project).catch((error: unknown) => {
      req.log.warn({ err: error }, "history: devpi's file log could not be read");
      return [];
    });
    return mergeFileLog(rows.map(toEntry), fileLog.filter((entry) => visible(entry, viewer) && matchesFilter(entry, filter)));
  };

  router.get('/history', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const viewer = viewerOf(req);
    const { offset, limit, ...filter } = parseInput(historyQuerySchema, req.query);
    let page: HistoryPage;
    if (filter.index !== undefined && filter.project !== undefined) {
      const all = await projectEntries(req, filter, viewer, filter.index, filter.project);
      page = { total: all.length, totalCapped: false, offset, limit, items: all.slice(offset, offset + limit), gaps: [] };
    } else {
      const { total, capped, rows } = await deps.history.list(filter, viewer, offset, limit);
      const items = rows.map(toEntry);
      let gaps: HistoryPage['gaps'] = [];
      if (viewer.kind === 'all' && isUnfiltered(filter)) {
        const serials = items.flatMap((item) => (item.serial !== null && item.outcome.state === 'ok' ? [item.serial] : []));
        const lowest = serials.length === 0 ? null : Math.min(...serials);
        gaps = serialGaps(items, lowest === null ? null : await deps.history.previousSerial(lowest));
      }
      page = { total, totalCapped: capped, offset, limit, items, gaps };
    }
    res.json(page);
  });

  const exportAll = async function* (req: Request): AsyncGenerator<HistoryEntry> {
    const viewer = viewerOf(req);
    const { offset: _offset, limit: _limit, ...filter } = parseInput(historyQuerySchema, req.query);
    if (filter.index !== undefined && filter.project !== undefined) {
      yield* await projectEntries(req, filter, viewer, filter.index, filter.project);
      return;
    }
    for await (const row of deps.history.each(filter, viewer)) yield toEntry(row);
  };

  const attachment = (res: Response, type: string, ext: string) => {
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="devpi-history.${ext}"`);
  };

  router.get('/history/export.csv', async (req: Request, res: Response) => {
    const entries = exportAll(req);
    const first = await entries.next(); // errors (401, 400) surface before any byte is sent
    attachment(res, 'text/csv; charset=utf-8', 'csv');
    res.write(csvHeader());
    if (!first.done) res.write(csvRow(first.value));
    for await (const entry of entries) res.write(csvRow(entry));
    res.end();
  });

  router.get('/history/export.json', async (req: Request, res: Response) => {
    const entries = exportAll(req);
    const first = await entries.next();
    attachment(res, 'application/json; charset=utf-8', 'json');
    res.write('[');
    if (!first.done) res.write(JSON.stringify(first.value));
    for await (const entry of entries) res.write(`,\n${JSON.stringify(entry)}`);
    res.end(']\n');
  });

  return router;
}
