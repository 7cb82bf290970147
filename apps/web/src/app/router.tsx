import { createBrowserRouter, type RouteObject } from 'react-router';
import { BASENAME, paths } from '../config/paths';
import { packageRoutes } from '../features/packages/routes';
import { RouteError } from './routes/route-error';

/*
 * Every screen is a lazily imported route module exporting `Component` and, where it needs data,
 * a `loader` that fills the query cache. The ErrorBoundary is attached here rather than in the
 * module so that a chunk that fails to download still shows a readable error.
 */
export const routes: RouteObject[] = [
  {
    id: 'app',
    path: paths.home.pattern,
    lazy: () => import('./routes/app-layout'),
    ErrorBoundary: RouteError,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { index: true, lazy: () => import('./routes/home') },
          // Package browsing: owned by features/packages (see that file); only its small route
          // array is in the initial bundle, each screen is behind its own `lazy` import.
          ...packageRoutes,
          { path: '*', lazy: () => import('./routes/not-found') },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: BASENAME });
}
