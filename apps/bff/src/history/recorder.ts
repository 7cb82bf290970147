import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import { HISTORY_UNAVAILABLE_CODE, type HistoryOutcome } from '@devpi-dashboard/dashboard-api';
import { HttpError } from '../errors.js';
import { bufferBody, peekBufferedBody, readLimited } from '../proxy/index-patch-guard.js';
import { classifyDevpiRequest, isMutation, pathSegments, refineUpload, type ClassifiedAction, type UploadForm } from './classify.js';
import type { HistoryStore } from './history-store.js';
import { sniffAnswer, sniffUploadForm } from './sniff.js';

/** User, index and push bodies are a few hundred bytes; uploads are multipart and never read. */
const JSON_BODY_LIMIT = 64 * 1024;

export interface HistoryRecorderDeps {
  store: HistoryStore;
  devpiFor: (req: Request) => DevpiClient;
  replica: string;
  now: () => number;
  logger: Logger;
}

interface Pending {
  actions: ClassifiedAction[];
  contentType: string;
  multipart: boolean;
  form?: Promise<UploadForm>;
  answered: boolean;
}

export const historyUnavailable = (): HttpError =>
  new HttpError(
    503,
    HISTORY_UNAVAILABLE_CODE,
    'The dashboard cannot record changes right now, so this change was not sent to devpi. Browsing still works; try again in a moment.',
  );

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function serialOf(proxyRes: IncomingMessage): number | null {
  const header = proxyRes.headers['x-devpi-serial'];
  const serial = typeof header === 'string' ? Number.parseInt(header, 10) : Number.NaN;
  return Number.isSafeInteger(serial) ? serial : null;
}

/** Does the change need today's values to say what they were before? Only value sets do. */
function needsBefore(method: string, segments: string[], body: unknown): boolean {
  if (method !== 'PATCH') return false;
  if (segments.length === 1) return typeof body === 'object' && body !== null && Object.keys(body).some((key) => key !== 'password');
  return Array.isArray(body) && body.some((op) => typeof op === 'string' && !/^[^=]+[+-]=/.test(op));
}

async function readBefore(devpi: DevpiClient, segments: string[]): Promise<Record<string, unknown> | undefined> {
  const [user, index] = segments;
  if (user === undefined) return undefined;
  const found = index === undefined ? await devpi.getUser(user) : await devpi.getIndex(user, index, { noProjects: true });
  return found === undefined ? undefined : { ...found };
}

/**
 * Records every mutation that goes through the devpi proxy: the intent before devpi sees it (a
 * store that cannot take it refuses the mutation), the outcome when devpi has answered. Small
 * JSON bodies are read to say what changes; upload streams are only watched as they pass.
 */
export function historyRecorder(deps: HistoryRecorderDeps) {
  const pending = new WeakMap<IncomingMessage, Pending>();

  const finish = (req: Request, entry: Pending, outcome: HistoryOutcome, serial: number | null) => {
    const write = async () => {
      const form = entry.form === undefined ? undefined : await entry.form;
      const actions = form === undefined ? undefined : entry.actions.map((action) => refineUpload(action, form));
      await deps.store.recordOutcome(String(req.id), { outcome, serial, at: new Date(deps.now()), ...(actions ? { actions } : {}) });
    };
    write().catch((error: unknown) => req.log.error({ err: error }, 'history: outcome not recorded; the entry stays "outcome unknown"'));
  };

  async function recordMutation(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (!isMutation(req.method)) return next();
    const contentType = req.headers['content-type'] ?? '';
    // XML-RPC search is a POST that changes nothing.
    if (/^text\/xml/i.test(contentType)) return next();
    const multipart = /^multipart\/form-data/i.test(contentType);
    let body: unknown;
    if (!multipart) {
      let raw = peekBufferedBody(req);
      if (raw === undefined) {
        const read = await readLimited(req, JSON_BODY_LIMIT);
        if (read === 'aborted') return;
        if (read === 'too_large') return next(new HttpError(413, 'payload_too_large', 'This request body is too large for devpi.'));
        bufferBody(req, read);
        raw = read;
      }
      body = parseJson(raw);
    }
    const segments = pathSegments(req.url);
    const before = needsBefore(req.method, segments, body) ? await readBefore(deps.devpiFor(req), segments).catch(() => undefined) : undefined;
    const actions = classifyDevpiRequest({ method: req.method, url: req.url, body, multipart, ...(before ? { before } : {}) });
    try {
      await deps.store.recordIntent({
        requestId: String(req.id),
        at: new Date(deps.now()),
        actor: req.devpiSession?.user ?? null,
        clientAddress: req.ip ?? null,
        replica: deps.replica,
        source: 'dashboard',
        actions,
      });
    } catch (error) {
      req.log.error({ err: error }, 'history: intent not recorded; mutation refused');
      return next(historyUnavailable());
    }
    const entry: Pending = { actions, contentType, multipart, answered: false };
    pending.set(req, entry);
    res.once('close', () => {
      if (entry.answered) return;
      // No answer from devpi came through: it was unreachable (nothing changed) or we cannot know.
      const unreachable = res.statusCode === 502 && res.headersSent;
      const outcome: HistoryOutcome = unreachable
        ? { state: 'failed', status: 502, message: 'devpi could not be reached' }
        : { state: 'unknown', status: res.headersSent ? res.statusCode : null, message: 'devpi gave no answer the dashboard could see' };
      finish(req, entry, outcome, null);
    });
    next();
  }

  return {
    recordMutation,
    /** Called by the proxy in the tick it starts streaming the body to devpi. */
    onProxyReq(req: IncomingMessage): void {
      const entry = pending.get(req);
      if (entry?.multipart) entry.form = sniffUploadForm(req, entry.contentType);
    },
    /** Called by the proxy in the tick it starts streaming devpi's answer back. */
    onDevpiResponse(req: Request, proxyRes: IncomingMessage): void {
      const entry = pending.get(req);
      if (entry === undefined) return;
      entry.answered = true;
      const status = proxyRes.statusCode ?? 502;
      const serial = serialOf(proxyRes);
      void sniffAnswer(proxyRes).then((message) => {
        const failed = status >= 400;
        // devpi puts upload errors in the reason phrase and only newlines in the body.
        const text = message ?? (failed && proxyRes.statusMessage ? proxyRes.statusMessage : null);
        finish(req, entry, { state: failed ? 'failed' : 'ok', status, message: text }, serial);
      });
    },
  };
}

export type HistoryRecorder = ReturnType<typeof historyRecorder>;
