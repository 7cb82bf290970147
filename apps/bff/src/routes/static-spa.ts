import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Response } from 'express';
import { allowInlineStyles, fileStyleSources } from '../http/inline-style-csp.js';
import { precompressed, sendPrecompressed } from '../http/precompressed.js';
import { LandingPrerender } from '../prerender/landing-prerender.js';

const YEAR_S = 365 * 24 * 60 * 60;
const immutable = (res: Response) => res.setHeader('Cache-Control', `public, max-age=${YEAR_S}, immutable`);
const revalidate = (res: Response) => res.setHeader('Cache-Control', 'no-cache');

/**
 * The built SPA under /+dashboard/. Hashed files in assets/ are immutable and cached for a year;
 * index.html is revalidated every time so a deploy shows up at once. Client-side routes that
 * ask for HTML get index.html. The build writes brotli and gzip twins of every text file, which
 * are sent to clients that accept them, so `npm start` without nginx is compressed too. The
 * landing page of a signed-in user is rendered on the server when the SPA's server entry is there
 * (prerender/landing-prerender.ts).
 */
export function staticSpaRouter(staticDir: string, prerender?: Omit<ConstructorParameters<typeof LandingPrerender>[0], 'indexHtml'>): Router {
  const router = Router();
  const indexHtml = join(staticDir, 'index.html');
  const landing = prerender && new LandingPrerender({ indexHtml, ...prerender });
  const styleSources = fileStyleSources(indexHtml);
  const assets = join(staticDir, 'assets');
  router.use(
    '/assets',
    precompressed(assets, immutable),
    express.static(assets, { index: false, fallthrough: false, cacheControl: false, setHeaders: immutable }),
  );
  router.use(precompressed(staticDir, revalidate), express.static(staticDir, { index: false, setHeaders: revalidate }));
  router.get('/{*path}', async (req, res, next) => {
    if (!req.accepts('html') || !existsSync(indexHtml)) return next();
    if (landing && req.path === '/' && (await landing.send(req, res))) return;
    allowInlineStyles(res, styleSources());
    if (sendPrecompressed(req, res, next, indexHtml, revalidate)) return;
    revalidate(res);
    res.sendFile(indexHtml, { cacheControl: false });
  });
  return router;
}
