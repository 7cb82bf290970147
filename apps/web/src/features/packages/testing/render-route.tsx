import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { queryClient } from '../../../lib/query-client';
import { packageRoutes } from '../routes';

/** Renders the package routes at `path` with the app's query client (which the loaders fill). */
export function renderRoute(path: string) {
  queryClient.clear();
  const router = createMemoryRouter(packageRoutes, { initialEntries: [path] });
  return { router, ...render(<QueryClientProvider client={queryClient}><RouterProvider router={router} /></QueryClientProvider>) };
}
