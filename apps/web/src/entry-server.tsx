/// <reference types="node" />
// The SPA's server entry: the BFF renders the signed-in landing page with it (apps/bff
// prerender/landing-prerender.ts), so the page arrives with its figures in the HTML and the browser
// paints them before any script has run. Built by `vite build --ssr` into dist-server/, with every
// dependency bundled: the BFF's runtime image has none of the SPA's packages.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { BootAnswer, LandingRenderer } from '@devpi-dashboard/dashboard-api/constants';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from './app/provider';
import { layoutData } from './app/routes/app-layout';
import { landingData } from './app/routes/home';
import { routes } from './app/router';
import { BASENAME } from './config/paths';
import { createConnectivityStore } from './lib/connectivity';
import { LANDING_REQUIRED, answerResponse, earlyUrls } from './lib/early-requests';
import { createQueryClient } from './lib/query-client';
import { setServerRender, type ServerRender } from './lib/server-render';

/** The render in progress; renders may overlap. */
const current = new AsyncLocalStorage<ServerRender>();
setServerRender(() => current.getStore());

const pathOf = (url: string): string => {
  const parsed = new URL(url, 'http://server.invalid');
  return `${parsed.pathname}${parsed.search}`;
};

function serverRenderOf(answers: readonly BootAnswer[], preferences: Readonly<Record<string, string>>): ServerRender {
  const byPath = new Map(answers.map((answer) => [pathOf(answer.url), answer]));
  return {
    preferences,
    answer(url) {
      const answer = byPath.get(pathOf(url));
      // Never the network from here: what the BFF did not ask for renders as not loaded.
      return Promise.resolve(answerResponse(answer ?? { status: 503, body: { error: { code: 'not_prerendered', message: `${url} is not among the answers of this render` } } }));
    },
  };
}

export const landingUrls: LandingRenderer['landingUrls'] = earlyUrls(`${BASENAME}/`);
export const requiredUrls: LandingRenderer['requiredUrls'] = LANDING_REQUIRED;

/**
 * The landing page as the SPA's first render shows it, from the answers it asks for: the same
 * loaders' queries fill a cache of this render's own, then the same route tree renders from it.
 * A query whose answer is missing or failed renders as the page shows it while loading ("…").
 */
export const renderLanding: LandingRenderer['renderLanding'] = async (answers, preferences = {}) => {
  const client = createQueryClient(createConnectivityStore());
  // Nothing retries or refetches here: the answers are all there is.
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  const render = serverRenderOf(answers, preferences);
  await current.run(render, async () => {
    const landing = landingData(client);
    await Promise.all([layoutData(client), landing.required, ...landing.rest]);
  });
  const router = createMemoryRouter(routes, {
    basename: BASENAME,
    initialEntries: [`${BASENAME}/`],
    // The loaders' work is done above: the router starts with it instead of running them.
    hydrationData: { loaderData: { app: null, home: null } },
  });
  try {
    // The render itself reads the user's choices (the theme toggle's label, a folded banner).
    return current.run(render, () => renderToString(
      <AppProvider client={client}>
        <RouterProvider router={router} />
      </AppProvider>,
    ));
  } finally {
    router.dispose();
    client.clear();
  }
};
