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

/** How long a screen must have been settled before the code of the screens it links to is fetched. */
export const LINKED_CODE_AFTER_MS = 1_000;

/** In-app link targets under `root`, as paths the routes match. */
function inAppPaths(root: ParentNode): string[] {
  const found = new Set<string>();
  for (const anchor of root.querySelectorAll('a[href]')) {
    if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank' || anchor.hasAttribute('download')) continue;
    const url = new URL(anchor.href);
    if (url.origin === window.location.origin && url.pathname.startsWith(`${BASENAME}/`)) found.add(url.pathname);
  }
  return [...found];
}

/**
 * Fetches the code (not the data) of every screen the current one links to, once the screen has
 * been settled for LINKED_CODE_AFTER_MS and the browser is idle, so that a click then waits only
 * for its data: the route's chunk and its loader no longer come one after the other. Each lazy
 * route module is imported at most once; the router finds it loaded when it asks.
 * `settled(callback)` calls back whenever a navigation has finished and returns an unsubscribe.
 */
export function prefetchLinkedCode(routes: RouteObject[], settled: (callback: () => void) => () => void, root: ParentNode = document): () => void {
  const imported = new Set<RouteObject['lazy']>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fetchLinked = () => {
    for (const path of inAppPaths(root)) {
      for (const { route } of matchRoutes(routes, path, BASENAME) ?? []) {
        if (typeof route.lazy !== 'function' || imported.has(route.lazy)) continue;
        imported.add(route.lazy);
        // A chunk that fails to download here is asked for again by the router on the click.
        void Promise.resolve(route.lazy()).catch(() => imported.delete(route.lazy));
      }
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fetchLinked, { timeout: 2_000 });
      else fetchLinked();
    }, LINKED_CODE_AFTER_MS);
  };
  const unsubscribe = settled(schedule);
  schedule();
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
