import type { RouteObject } from 'react-router';

/**
 * Package-browsing routes (index, project, version pages, search), mounted by app/router.tsx inside
 * the app layout. Give each route object a `lazy` import so the screens stay out of the initial
 * bundle; take URLs from config/paths.ts (`paths.packages.*`).
 */
export const packageRoutes: RouteObject[] = [];
