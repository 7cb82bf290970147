import { Router, type Request, type Response } from 'express';
import { DevpiError, parseTokenRestrictions, readToken, type TokenCreateInput } from '@devpi-dashboard/devpi-client';
import {
  errorCodes,
  tokenCreateRequestSchema,
  type HistoryChange,
  type TokenCreated,
  type TokenList,
  type TokenSummary,
} from '@devpi-dashboard/dashboard-api';
import { HttpError } from '../errors.js';
import type { ClassifiedAction } from '../history/classify.js';
import { recordedMutation, type DashboardMutationDeps } from '../history/dashboard-mutation.js';
import type { RouteDeps } from '../http/route-deps.js';
import { parseInput } from '../http/validate.js';

export type TokensRouteDeps = RouteDeps & DashboardMutationDeps;

const MAX_DATE_S = 8_640_000_000_000 / 1000;

function isoOf(epochS: number): string | null {
  return Number.isFinite(epochS) && Math.abs(epochS) <= MAX_DATE_S ? new Date(epochS * 1000).toISOString() : null;
}

/** A token as the Tokens screen lists it, from devpi's restriction strings. */
export function tokenSummary(id: string, restrictions: string[], nowMs: number): TokenSummary {
  const parsed = parseTokenRestrictions(restrictions);
  const expires = parsed.expires === undefined ? null : parsed.expires === 'never' ? 'never' : isoOf(parsed.expires);
  return {
    id,
    restrictions,
    allowed: parsed.allowed ?? null,
    indexes: parsed.indexes ?? null,
    projects: parsed.projects ?? null,
    expires,
    notBefore: parsed.notBefore === undefined ? null : isoOf(parsed.notBefore),
    expired: typeof parsed.expires === 'number' && parsed.expires * 1000 <= nowMs,
    other: parsed.other,
  };
}

const pluginMissing = (): HttpError =>
  new HttpError(404, errorCodes.tokensPluginMissing, 'devpi runs without the devpi-tokens plugin, so it has no tokens. Install devpi-tokens next to devpi-server and restart devpi.');

/** devpi-web's HTML 404 (a string body) means the route is missing; devpi's JSON 404 names what is missing. */
function isMissingRoute(error: unknown): boolean {
  return error instanceof DevpiError && error.kind === 'http' && error.status === 404 && typeof error.body === 'string';
}

/** What the history keeps about a token: its id and restrictions, never the token. */
function restrictionChanges(restrictions: { allowed?: string[]; indexes?: string[]; projects?: string[]; expires?: number | 'never' }): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const key of ['allowed', 'indexes', 'projects', 'expires'] as const) {
    const value = restrictions[key];
    if (value !== undefined) changes.push({ key, op: 'set', after: value });
  }
  return changes;
}

/**
 * devpi-tokens for the signed-in user (root: for anyone), with every create and revoke in the history.
 * A new token is handed to the browser once, in this answer, and kept nowhere: not in the history,
 * not in the logs, not in any store. devpi decides who may manage whose tokens.
 */
export function tokensRouter(deps: TokensRouteDeps): Router {
  const router = Router();
  const noStore = (res: Response) => res.setHeader('Cache-Control', 'no-store');

  router.get('/tokens/:user', async (req: Request<{ user: string }>, res: Response) => {
    noStore(res);
    const { user } = req.params;
    const listing = await deps.devpiFor(req).listTokens(user);
    const now = deps.now();
    const body: TokenList = listing.plugin
      ? {
          plugin: true,
          user,
          tokens: Object.entries(listing.tokens)
            .map(([id, info]) => tokenSummary(id, info.restrictions, now))
            .sort((a, b) => (a.expires ?? '').localeCompare(b.expires ?? '') || a.id.localeCompare(b.id)),
        }
      : { plugin: false, user };
    res.json(body);
  });

  router.post('/tokens/:user', async (req: Request<{ user: string }>, res: Response) => {
    noStore(res);
    const { user } = req.params;
    const input = parseInput(tokenCreateRequestSchema, req.body);
    const restrictions: TokenCreateInput = {};
    if (input.allowed !== undefined && input.allowed.length > 0) restrictions.allowed = input.allowed;
    if (input.indexes !== undefined && input.indexes.length > 0) restrictions.indexes = input.indexes;
    if (input.projects !== undefined && input.projects.length > 0) restrictions.projects = input.projects;
    if (input.expires !== undefined) restrictions.expires = input.expires;
    const intent: ClassifiedAction = { action: 'token.create', target: { user }, changes: restrictionChanges(restrictions) };
    const created = await recordedMutation(deps, req, [intent], async () => {
      let token: string;
      try {
        token = await deps.devpiFor(req).createToken(user, restrictions);
      } catch (error) {
        if (isMissingRoute(error)) throw pluginMissing();
        throw error;
      }
      const read = readToken(token);
      if (read === undefined) throw new HttpError(502, errorCodes.devpiBadResponse, 'devpi answered with something that is not a devpi-tokens token.');
      const summary = tokenSummary(read.id, read.restrictions, deps.now());
      const parsed = parseTokenRestrictions(read.restrictions);
      const stored: ClassifiedAction = {
        ...intent,
        changes: [
          { key: 'id', op: 'set', after: read.id },
          ...restrictionChanges({ ...(parsed.allowed ? { allowed: parsed.allowed } : {}), ...(parsed.indexes ? { indexes: parsed.indexes } : {}), ...(parsed.projects ? { projects: parsed.projects } : {}), ...(parsed.expires === undefined ? {} : { expires: parsed.expires }) }),
        ],
      };
      const value: TokenCreated = { token, summary };
      return { value, status: 200, message: `token ${read.id} created`, actions: [stored] };
    });
    res.json(created);
  });

  router.delete('/tokens/:user/:id', async (req: Request<{ user: string; id: string }>, res: Response) => {
    noStore(res);
    const { user, id } = req.params;
    const intent: ClassifiedAction = { action: 'token.revoke', target: { user }, changes: [{ key: 'id', op: 'drop', before: id }] };
    const message = await recordedMutation(deps, req, [intent], async () => {
      try {
        const answer = await deps.devpiFor(req).deleteToken(user, id);
        return { value: answer, status: 200, message: answer };
      } catch (error) {
        if (!isMissingRoute(error)) throw error;
        // devpi-web's 404 page: either no such token, or no plugin at all
        const listing = await deps.devpiFor(req).listTokens(user).catch(() => undefined);
        if (listing?.plugin === false) throw pluginMissing();
        throw error;
      }
    }).catch((error: unknown) => {
      if (isMissingRoute(error)) throw new HttpError(404, errorCodes.notFound, `${user} has no token ${id}; it may have been revoked already.`);
      throw error;
    });
    res.json({ message });
  });

  return router;
}
