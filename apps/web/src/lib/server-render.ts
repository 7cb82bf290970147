/**
 * What a render on the server (the SPA's server entry, src/entry-server.tsx) gives the modules that
 * would otherwise ask the browser: the answers of the request being rendered, in place of the
 * network (lib/early-requests.ts), and the user's choices, in place of localStorage
 * (lib/preferences.ts). Several renders may overlap; outside a render, there is none.
 */
export interface ServerRender {
  answer(url: string): Promise<Response>;
  preferences: Readonly<Record<string, string>>;
}

let source: (() => ServerRender | undefined) | undefined;

/** Set once, by the server entry. */
export function setServerRender(current: () => ServerRender | undefined): void {
  source = current;
}

/** The render in progress, or undefined (always, in the browser). */
export const serverRender = (): ServerRender | undefined => source?.();
