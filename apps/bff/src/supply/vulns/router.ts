import { Router, type Request, type Response } from 'express';
import {
  errorCodes,
  vulnerabilityQuerySchema,
  type OsvImportResult,
  type VulnerabilityFilter,
  type VulnerabilityFinding,
  type VulnerabilityStatus,
} from '@devpi-dashboard/dashboard-api';
import { HttpError } from '../../errors.js';
import type { HistoryStore } from '../../history/history-store.js';
import { historyUnavailable } from '../../history/recorder.js';
import { csvCell } from '../../history/export.js';
import type { RouteDeps } from '../../http/route-deps.js';
import { parseInput } from '../../http/validate.js';
import { readableIndexes, sessionUser } from '../access.js';
import { receiveToFile } from './dump-upload.js';
import { OsvDumpError } from './osv-dump.js';
import type { VulnScanner } from './vuln-scan.js';
import type { VulnStore } from './vuln-store.js';

export interface VulnRouteDeps extends RouteDeps {
  vulns: VulnStore;
  scanner: VulnScanner;
  history?: HistoryStore | undefined;
  replica: string;
}

const CSV_COLUMNS = [
  'index', 'project', 'version', 'kind', 'requirement', 'package', 'id', 'aliases', 'summary', 'severity', 'cvss_score', 'cvss_vector',
  'affected', 'fixed', 'admitted', 'link',
] as const;

function csvLine(f: VulnerabilityFinding): string {
  const cells = [
    f.index, f.project, f.version, f.kind, f.requirement, f.package, f.id, f.aliases.join(' '), f.summary, f.severity.level,
    f.severity.score, f.severity.vector, f.affected.join('; '), f.fixed.join(' '), f.admitted.join(' '), f.link,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const EXPORT_PAGE = 500;

/** Findings of the last scans, their CSV, the database status, and the root-only dump upload. */
export function vulnRouter(deps: VulnRouteDeps): Router {
  const router = Router();

  const visibleFilter = async (req: Request, filter: VulnerabilityFilter) => {
    sessionUser(req);
    if (req.devpiSession?.user === 'root') return filter;
    const scanned = (await deps.vulns.indexScans()).map((scan) => scan.index);
    return { ...filter, readable: await readableIndexes(deps, req, scanned) };
  };

  router.get('/vulnerabilities', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const { offset, limit, ...filter } = parseInput(vulnerabilityQuerySchema, req.query);
    const { total, items } = await deps.vulns.findings(await visibleFilter(req, filter), offset, limit);
    res.json({ total, offset, limit, items });
  });

  router.get('/vulnerabilities/export.csv', async (req: Request, res: Response) => {
    const { offset: _offset, limit: _limit, ...filter } = parseInput(vulnerabilityQuerySchema, req.query);
    const visible = await visibleFilter(req, filter);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', 'attachment; filename="devpi-vulnerabilities.csv"');
    res.write(`${CSV_COLUMNS.join(',')}\r\n`);
    for (let at = 0; ; at += EXPORT_PAGE) {
      const { items } = await deps.vulns.findings(visible, at, EXPORT_PAGE);
      for (const item of items) res.write(csvLine(item));
      if (items.length < EXPORT_PAGE) break;
    }
    res.end();
  });

  router.get('/vulnerabilities/status', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    sessionUser(req);
    const [last, scans, pendingDump] = await Promise.all([deps.vulns.lastImport(), deps.vulns.indexScans(), deps.scanner.pendingDump()]);
    const readable = new Set(await readableIndexes(deps, req, scans.map((scan) => scan.index)));
    const visible = scans.filter((scan) => readable.has(scan.index));
    const newest = Math.max(0, ...visible.map((scan) => scan.scannedAt));
    const body: VulnerabilityStatus = {
      database: {
        entries: last?.kept ?? 0,
        importedAt: last === undefined ? null : new Date(last.importedAt).toISOString(),
        source: last?.source ?? null,
        pendingDump,
        online: deps.scanner.online,
        uploadLimitBytes: deps.config.osv.uploadMaxBytes,
      },
      lastScanAt: newest === 0 ? null : new Date(newest).toISOString(),
      indexes: visible.map((scan) => ({
        index: scan.index, scannedAt: new Date(scan.scannedAt).toISOString(), database: scan.database, releases: scan.releases, findings: scan.findings,
      })),
    };
    res.json(body);
  });

  router.put('/vulnerabilities/osv-dump', async (req: Request, res: Response) => {
    const actor = sessionUser(req);
    if (actor !== 'root') throw new HttpError(403, errorCodes.rootOnly, 'Only root can replace the OSV database.');
    const requestId = String(req.id);
    const at = new Date(deps.now());
    if (deps.history !== undefined) {
      await deps.history
        .recordIntent({
          requestId, at, actor, clientAddress: req.ip ?? null, replica: deps.replica, source: 'dashboard',
          actions: [{ action: 'osv.import', target: {}, changes: [{ key: 'osv_database', op: 'set', value: 'upload' }] }],
        })
        .catch((error: unknown) => {
          req.log.error({ err: error }, 'history: intent not recorded, OSV import refused');
          throw historyUnavailable();
        });
    }
    const outcome = async (state: 'ok' | 'failed', status: number, message: string | null) => {
      await deps.history
        ?.recordOutcome(requestId, { outcome: { state, status, message }, serial: null, at: new Date(deps.now()) })
        .catch((error: unknown) => req.log.error({ err: error }, 'history: outcome of the OSV import not recorded'));
    };
    let upload: Awaited<ReturnType<typeof receiveToFile>> | undefined;
    try {
      upload = await receiveToFile(req, deps.config.osv.uploadMaxBytes);
      const summary = await deps.scanner.importDump(upload.path, `upload by ${actor}`, actor);
      if (summary.kept === 0) req.log.warn({ ...summary }, 'OSV dump imported with no PyPI entries');
      await outcome('ok', 200, `${summary.kept} entries imported, ${summary.skipped} skipped`);
      const body: OsvImportResult = { kept: summary.kept, skipped: summary.skipped, importedAt: new Date(summary.importedAt).toISOString() };
      res.json(body);
    } catch (error) {
      const refused =
        error instanceof OsvDumpError
          ? new HttpError(400, errorCodes.osvDumpInvalid, `This file is not an OSV dump (a zip of OSV JSON entries such as PyPI/all.zip): ${error.message}`)
          : error;
      await outcome('failed', refused instanceof HttpError ? refused.status : 500, refused instanceof Error ? refused.message : String(refused));
      throw refused;
    } finally {
      await upload?.discard();
    }
  });

  return router;
}
