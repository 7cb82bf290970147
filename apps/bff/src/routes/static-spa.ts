import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/**
 * The built SPA under /+dashboard/. Hashed files in assets/ are immutable and cached for a year;
 * index.html is revalidated every time so a deploy shows up at once. Client-side routes that
 * ask for HTML get index.html.
 */
export function staticSpaRouter(staticDir: string): Router {
  const router = Router();
  const indexHtml = join(staticDir, 'index.html');
  router.use('/assets', express.static(join(staticDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  router.use(
    express.static(staticDir, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  router.get('/{*path}', (req, res, next) => {
    if (!req.accepts('html') || !existsSync(indexHtml)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
