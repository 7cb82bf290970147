import { createBrowserRouter, type RouteObject } from 'react-router';
import { BASENAME, paths } from '../config/paths';
import { BootScreen } from '../components/layout/boot-screen';
import * as appLayout from './routes/app-layout';
import * as home from './routes/home';
import { RouteError } from './routes/route-error';

/*
 * The app layout and the landing page are in the entry: their loaders start the first API calls
 * the moment the entry runs, while nothing waits on a second chunk. Every other screen is a lazily
 * imported route module exporting `Component` and, where it needs data,
 * a `loader` that fills the query cache. The ErrorBoundary is attached here rather than in the
 * module so that a chunk that fails to download still shows a readable error.
 */
const screen = (path: string, lazy: RouteObject['lazy']): RouteObject => ({ path, lazy, ErrorBoundary: RouteError });

export const routes: RouteObject[] = [
  { path: paths.login.pattern, lazy: () => import('./routes/login'), ErrorBoundary: RouteError, HydrateFallback: BootScreen },
  {
    id: 'app',
    path: paths.home.pattern,
    loader: appLayout.loader,
    Component: appLayout.Component,
    ErrorBoundary: RouteError,
    HydrateFallback: BootScreen,
    children: [
      { id: 'home', index: true, loader: home.loader, Component: home.Component, ErrorBoundary: RouteError },
      screen(paths.account.password.pattern, () => import('./routes/account-password')),
      screen(paths.users.list.pattern, () => import('./routes/users/list')),
      screen(paths.users.create.pattern, () => import('./routes/users/create')),
      screen(paths.users.detail.pattern, () => import('./routes/users/detail')),
      screen(paths.users.edit.pattern, () => import('./routes/users/edit')),
      screen(paths.users.password.pattern, () => import('./routes/users/password')),
      screen(paths.users.json.pattern, () => import('./routes/users/json')),
      screen(paths.indexes.list.pattern, () => import('./routes/indexes/list')),
      screen(paths.indexes.create.pattern, () => import('./routes/indexes/create')),
      screen(paths.indexes.detail.pattern, () => import('./routes/indexes/detail')),
      screen(paths.indexes.edit.pattern, () => import('./routes/indexes/edit')),
      screen(paths.indexes.permissions.pattern, () => import('./routes/indexes/permissions')),
      screen(paths.indexes.clientConfig.pattern, () => import('./routes/indexes/client')),
      screen(paths.indexes.json.pattern, () => import('./routes/indexes/json')),
      screen(paths.indexes.history.pattern, () => import('./routes/indexes/history')),
      screen(paths.indexes.licences.pattern, () => import('./routes/indexes/licences')),
      screen(paths.vulnerabilities.pattern, () => import('./routes/vulnerabilities')),
      screen(paths.permissions.matrix.pattern, () => import('./routes/permissions')),
      screen(paths.status.pattern, () => import('./routes/status')),
      screen(paths.tokens.pattern, () => import('./routes/tokens')),
      screen(paths.storage.pattern, () => import('./routes/storage')),
      screen(paths.history.pattern, () => import('./routes/history')),
      screen(paths.jobs.list.pattern, () => import('./routes/jobs/list')),
      screen(paths.jobs.create.pattern, () => import('./routes/jobs/create')),
      screen(paths.jobs.detail.pattern, () => import('./routes/jobs/detail')),
      screen(paths.supply.pattern, () => import('./routes/supply')),
      screen(paths.packages.search.pattern, () => import('./routes/search')),
      screen(paths.packages.index.pattern, () => import('./routes/packages/index')),
      screen(paths.packages.project.pattern, () => import('./routes/packages/project')),
      screen(paths.packages.version.pattern, () => import('./routes/packages/version')),
      { path: '*', lazy: () => import('./routes/not-found') },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: BASENAME });
}
