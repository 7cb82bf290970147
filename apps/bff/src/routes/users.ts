import { Router } from 'express';
import { pageQuerySchema, type UserSummary, type UsersPage } from '@devpi-dashboard/dashboard-api';
import { isVolatile } from '../domain/stage-like.js';
import type { RouteDeps } from '../http/route-deps.js';
import { parseInput } from '../http/validate.js';

/** `GET /users`: users with the indexes they own, searchable by name, email and title, paged. */
export function usersRouter(deps: RouteDeps): Router {
  const router = Router();
  router.get('/users', async (req, res) => {
    const query = parseInput(pageQuerySchema, req.query);
    const listing = await deps.devpiFor(req).listRoot();
    const needle = query.q?.toLowerCase() ?? '';
    const all: UserSummary[] = Object.entries(listing)
      .map(([username, user]) => ({
        username,
        ...(user.email === undefined ? {} : { email: user.email }),
        ...(user.title === undefined ? {} : { title: user.title }),
        ...(user.description === undefined ? {} : { description: user.description }),
        ...(user.created === undefined ? {} : { created: user.created }),
        indexes: Object.entries(user.indexes ?? {})
          .map(([name, config]) => ({ name, type: config.type, volatile: isVolatile(config) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      }))
      .filter((u) => needle === '' || [u.username, u.email ?? '', u.title ?? ''].some((field) => field.toLowerCase().includes(needle)))
      .sort((a, b) => a.username.localeCompare(b.username));
    const page: UsersPage = { total: all.length, offset: query.offset, limit: query.limit, items: all.slice(query.offset, query.offset + query.limit) };
    res.json(page);
  });
  return router;
}
