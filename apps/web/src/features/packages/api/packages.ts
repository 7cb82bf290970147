import {
  indexOverviewSchema,
  packagesApiPaths,
  projectPageSchema,
  projectViewSchema,
  versionViewSchema,
  type ProjectScope,
} from '@devpi-dashboard/dashboard-api';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { freshRead, query, request } from '../../../lib/api-client';

export interface ProjectListFilter {
  q: string;
  offset: number;
  limit: number;
  scope: ProjectScope;
}

/** Query keys of package browsing, one level per screen (TkDodo's key factory). */
export const packageKeys = {
  all: ['packages'] as const,
  index: (name: string) => [...packageKeys.all, 'index', name] as const,
  overview: (name: string) => [...packageKeys.index(name), 'overview'] as const,
  lists: (name: string) => [...packageKeys.index(name), 'projects'] as const,
  list: (name: string, filter: ProjectListFilter) => [...packageKeys.lists(name), filter] as const,
  project: (name: string, project: string) => [...packageKeys.index(name), 'project', project] as const,
  version: (name: string, project: string, version: string) => [...packageKeys.project(name, project), 'version', version] as const,
};

// Lists and the index header always ask for devpi's current state (freshRead): right after an
// upload or a removal through the proxy the change must show, not wait for the BFF's next serial probe.
export const indexOverviewQueryOptions = (user: string, index: string) =>
  queryOptions({
    queryKey: packageKeys.overview(`${user}/${index}`),
    queryFn: () => request(indexOverviewSchema, packagesApiPaths.index(user, index), freshRead),
  });

export const projectPageQueryOptions = (user: string, index: string, filter: ProjectListFilter) =>
  queryOptions({
    queryKey: packageKeys.list(`${user}/${index}`, filter),
    // The signal lets a newer search cancel the request of the one it replaces.
    queryFn: ({ signal }) => request(projectPageSchema, `${packagesApiPaths.projects(user, index)}${query({ ...filter })}`, { ...freshRead, signal }),
    placeholderData: keepPreviousData,
  });

export const projectViewQueryOptions = (user: string, index: string, project: string) =>
  queryOptions({
    queryKey: packageKeys.project(`${user}/${index}`, project),
    queryFn: () => request(projectViewSchema, packagesApiPaths.project(user, index, project)),
  });

export const versionViewQueryOptions = (user: string, index: string, project: string, version: string) =>
  queryOptions({
    queryKey: packageKeys.version(`${user}/${index}`, project, version),
    queryFn: () => request(versionViewSchema, packagesApiPaths.version(user, index, project, version)),
  });
