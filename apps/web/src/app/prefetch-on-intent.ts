import { matchRoutes, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { BASENAME } from '../config/paths';

/** As long as the query cache calls data fresh: prefetching again sooner would fetch nothing. */
const REPEAT_AFTER_MS = 10_000;

type Loader = (args: LoaderFunctionArgs) => unknown;

/** The route's own loader, importing its lazy module first (the import the click would wait for). */
async function loaderOf(route: RouteObject): Promise<Loader | undefined> {
  if (typeof route.loader === 'function') return route.loader;
  if (typeof route.lazy !== 'function') return undefined;
  const mod = await route.lazy();
  return typeof mod.loader === 'function' ? mod.loader : undefined;
}

/**
 * Starts what a click on an in-app link would wait for as soon as the pointer rests on it or it
 * gets keyboard focus: the target screen's chunk and its loaders, which fill the query cache, so
 * the navigation itself finds both ready. Loaders are the same ones the router runs; a loader
 * that fails or redirects here is ignored, and the router runs it again on the click.
 */
export function prefetchOnIntent(routes: RouteObject[], target: Document = document): () => void {
  const recent = new Map<string, number>();
  const onIntent = (event: Event) => {
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank' || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin || !url.pathname.startsWith(`${BASENAME}/`)) return;
    const key = url.pathname + url.search;
    const now = Date.now();
    if (now - (recent.get(key) ?? -Infinity) < REPEAT_AFTER_MS) return;
    recent.set(key, now);
    const matches = matchRoutes(routes, url.pathname, BASENAME) ?? [];
    const request = new Request(url);
    const pattern = matches.map(({ route }) => route.path ?? '').filter(Boolean).join('/').replace(/\/+/g, '/');
    for (const { route, params } of matches) {
      void loaderOf(route)
        .then((loader) => loader?.({ request, url, pattern, params, context: undefined }))
        .catch(() => undefined);
    }
  };
  target.addEventListener('pointerover', onIntent, { passive: true });
  target.addEventListener('focusin', onIntent);
  return () => {
    target.removeEventListener('pointerover', onIntent);
    target.removeEventListener('focusin', onIntent);
  };
}
