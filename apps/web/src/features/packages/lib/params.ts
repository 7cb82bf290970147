import { data, useParams, type Params } from 'react-router';

/** A path parameter the route pattern guarantees; a missing one is shown as 404. */
export function routeParam(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw data(`Missing ${name} in the address.`, { status: 404 });
  return value;
}

export function useRouteParam(name: string): string {
  return routeParam(useParams(), name);
}

/** `user/index` into its two parts. */
export function splitIndex(name: string): [string, string] {
  const at = name.indexOf('/');
  return [name.slice(0, at), name.slice(at + 1)];
}
