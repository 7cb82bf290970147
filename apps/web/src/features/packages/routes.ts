import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { PackageError } from './components/package-error';

/**
 * Package-browsing routes (index, project, version pages, search), mounted by app/router.tsx inside
 * the app layout. Each screen is a lazy module with its own loader; the error boundary is set here
 * so a chunk that fails to download still shows a readable error.
 */
export const packageRoutes: RouteObject[] = [
  { path: paths.packages.search.pattern, lazy: () => import('../search/routes/search-page'), ErrorBoundary: PackageError },
  { path: paths.packages.index.pattern, lazy: () => import('./routes/index-page'), ErrorBoundary: PackageError },
  { path: paths.packages.project.pattern, lazy: () => import('./routes/project-page'), ErrorBoundary: PackageError },
  { path: paths.packages.version.pattern, lazy: () => import('./routes/version-page'), ErrorBoundary: PackageError },
];
