import { BOOT_ANSWERS_ID, CSRF_HEADER, CSRF_HEADER_VALUE, DEVPI_PROXY_BASE, apiPaths, supplyApiPaths, type BootAnswer } from '@devpi-dashboard/dashboard-api/constants';
import { BASENAME } from '../config/paths';
import { serverRender } from './server-render';

/*
 * The first API calls of a cold load, started by the entry before the rest of it is evaluated
 * (main.tsx imports this module first; it imports nothing that pulls in zod or React). Evaluating
 * the entry takes a few hundred milliseconds on a busy machine, and the route loaders that ask for
 * the same data only run at its end: the answers are on their way by then. `dashboardFetch` hands
 * each early answer to the first identical GET that asks within EARLY_FOR_MS, once.
 *
 * A landing page the BFF rendered on the server comes with the answers it was rendered from
 * (#boot-answers): those are handed over the same way, and not asked for again.
 */

/** An early answer nobody asked for within this long is left unused: it may be stale by then. */
export const EARLY_FOR_MS = 10_000;

/** Every in-app screen's layout asks for who is signed in and the public settings. */
const EVERY_SCREEN = [apiPaths.session, apiPaths.config];
/** The landing page (routes/home.tsx): the index list, the user count, devpi's status, the supply-chain warnings. */
const LANDING = [apiPaths.indexes, `${apiPaths.users}?limit=1`, `${DEVPI_PROXY_BASE}/+status`, supplyApiPaths.guard];
/** What the landing's loaders wait for (the layout's two and the index list); the rest may come later. */
export const LANDING_REQUIRED: readonly string[] = [...EVERY_SCREEN, apiPaths.indexes];

/** The URLs a cold load of `pathname` asks for first, in the order the loaders ask. */
export function earlyUrls(pathname: string): string[] {
  const path = pathname.startsWith(BASENAME) ? pathname.slice(BASENAME.length) : pathname;
  if (path === '/login' || path.startsWith('/login/')) return [];
  return path === '' || path === '/' ? [...EVERY_SCREEN, ...LANDING] : EVERY_SCREEN;
}

/** The headers `dashboardFetch` and the devpi client send on a GET: the same request, the same answer. */
export const earlyHeaders = (): Headers => new Headers({ Accept: 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE });

interface Early {
  response: Promise<Response>;
  startedAt: number;
}

/** An answer the page came with (or the server render was given), as fetch would have returned it. */
export const answerResponse = ({ status, body }: Pick<BootAnswer, 'status' | 'body'>): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Keyed by absolute URL: the devpi client asks with one, the API calls with a path. */
const pending = new Map<string, Early>();
const absolute = (url: string): string => new URL(url, window.location.href).href;

/** The answers a server-rendered page came with, if any (an unreadable element counts as none). */
export function bootAnswers(doc: Document = document): BootAnswer[] {
  const text = doc.getElementById(BOOT_ANSWERS_ID)?.textContent;
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((entry): entry is BootAnswer => typeof entry === 'object' && entry !== null && typeof entry.url === 'string' && typeof entry.status === 'number' && 'body' in entry);
  } catch {
    return [];
  }
}

/**
 * Starts the early GETs for `pathname` (once per page load, from the entry). Answers the page
 * came with are not asked for: they are handed over as they are.
 */
export function startEarlyRequests(pathname: string, fetchFn: typeof fetch = fetch, now: () => number = () => performance.now(), answers: BootAnswer[] = bootAnswers()): void {
  for (const answer of answers) {
    const response = Promise.resolve(answerResponse(answer));
    pending.set(absolute(answer.url), { response, startedAt: now() });
  }
  for (const url of earlyUrls(pathname)) {
    if (pending.has(absolute(url))) continue;
    const response = fetchFn(url, { headers: earlyHeaders(), credentials: 'same-origin' });
    // Nobody may ever take it: a failure here is not an unhandled rejection, the taker sees it.
    response.catch(() => undefined);
    pending.set(absolute(url), { response, startedAt: now() });
  }
}

/**
 * The early answer for a plain GET of `url`, at most once; undefined for anything else (another
 * method, a body, other headers than the early ones, or too late), which then goes to the network.
 */
export function takeEarlyResponse(url: string, init: RequestInit | undefined, now: () => number = () => performance.now()): Promise<Response> | undefined {
  // On the server there is no window and no early request: the render's own answers.
  const render = serverRender();
  if (render) return render.answer(url);
  const key = absolute(url);
  const early = pending.get(key);
  if (early === undefined) return undefined;
  pending.delete(key);
  if ((init?.method ?? 'GET').toUpperCase() !== 'GET' || init?.body != null) return undefined;
  const headers = new Headers(init?.headers);
  const expected = earlyHeaders();
  const same = [...headers.keys()].every((key) => headers.get(key) === expected.get(key)) && [...expected.keys()].every((key) => headers.get(key) === expected.get(key));
  if (!same || now() - early.startedAt > EARLY_FOR_MS) return undefined;
  const signal = init?.signal;
  if (!signal) return early.response;
  // The caller may still cancel (a newer search, a timeout): as fetch would, reject with its reason.
  return new Promise<Response>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    early.response.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** Forgets the early answers not taken yet (tests, and a sign-in that changes who asks). */
export function dropEarlyRequests(): void {
  pending.clear();
}
