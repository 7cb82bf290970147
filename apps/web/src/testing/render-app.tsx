import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../app/router';
import { connectivity } from '../lib/connectivity';
import { queryClient } from '../lib/query-client';

/** Renders the whole app at `path`, loaders included, against whatever fetch answers. */
export function renderApp(path: string) {
  queryClient.clear();
  // No outage carried over from the previous test.
  connectivity.succeeded();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, ...view };
}
