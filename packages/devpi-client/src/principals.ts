/** Special ACL principals; devpi matches them case-insensitively and stores them upper-case. */
export const ANONYMOUS = ':ANONYMOUS:';
export const AUTHENTICATED = ':AUTHENTICATED:';

export type PrincipalKind = 'anonymous' | 'authenticated' | 'group' | 'user';

/** An auth-plugin group as written in ACLs: `:group`. */
export function group(name: string): string {
  return `:${name.replace(/^:/, '')}`;
}

/** Classifies an ACL entry such as `alice`, `:ANONYMOUS:` or `:developers`. */
export function principalKind(principal: string): PrincipalKind {
  const upper = principal.toUpperCase();
  if (upper === ANONYMOUS) return 'anonymous';
  if (upper === AUTHENTICATED) return 'authenticated';
  if (principal.startsWith(':')) return 'group';
  return 'user';
}

/** The form devpi stores: special principals upper-cased, everything else unchanged. */
export function normalizePrincipal(principal: string): string {
  const kind = principalKind(principal);
  return kind === 'anonymous' || kind === 'authenticated' ? principal.toUpperCase() : principal;
}

export const principals = { ANONYMOUS, AUTHENTICATED, group, kind: principalKind, normalize: normalizePrincipal } as const;
