import { data, useParams, type Params } from 'react-router';

/** A path parameter the route pattern guarantees; a missing one is a router bug, shown as 404. */
export function param(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw data(`Missing ${name} in the address.`, { status: 404 });
  return value;
}

export function useParam(name: string): string {
  return param(useParams(), name);
}
