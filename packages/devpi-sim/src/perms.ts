// Permission rules of devpi-server's RootFactory.__acl__ and the stage ACL (view_auth.py, model.py).
import type { Ctx } from './http.js';
import type { IndexRec } from './model.js';
import { stringList } from './model.js';
import { tokenDenies } from './token-verify.js';

const EVERYONE = 'system.Everyone';
const AUTHENTICATED = 'system.Authenticated';

function principals(ctx: Ctx): Set<string> {
  const set = new Set([EVERYONE]);
  if (ctx.identity) {
    set.add(AUTHENTICATED);
    set.add(ctx.identity.user);
    for (const g of ctx.identity.groups) set.add(`:${g}`);
  }
  return set;
}

function aclPrincipal(p: string): string {
  if (p === ':ANONYMOUS:') return EVERYONE;
  if (p === ':AUTHENTICATED:') return AUTHENTICATED;
  return p;
}

function anyAllowed(ctx: Ctx, allowed: Iterable<string>): boolean {
  const mine = principals(ctx);
  for (const p of allowed) if (mine.has(aclPrincipal(p))) return true;
  return false;
}

export type RootPermission = 'user_create' | 'user_modify' | 'user_delete' | 'index_create';

/** Permissions that do not depend on an index; `username` is the user in the URL. */
export function hasRootPermission(ctx: Ctx, perm: RootPermission, username: string | undefined): boolean {
  if (tokenDenies(ctx, perm)) return false;
  const restrict = ctx.sim.options.restrictModify;
  if (restrict) {
    if (perm === 'user_delete') return anyAllowed(ctx, restrict.filter((p) => p !== username));
    return anyAllowed(ctx, restrict);
  }
  switch (perm) {
    case 'user_create':
      return true;
    case 'user_delete':
      return username !== undefined && username !== 'root' && anyAllowed(ctx, ['root', username]);
    default:
      return anyAllowed(ctx, username ? ['root', username] : ['root']);
  }
}

/** Users may always change their own password, even with --restrict-modify. */
export function mayChangePassword(ctx: Ctx, username: string): boolean {
  if (tokenDenies(ctx, 'user_modify_password')) return false;
  return ctx.identity?.user === username || hasRootPermission(ctx, 'user_modify', username);
}

export type StagePermission = 'upload' | 'toxresult_upload' | 'del_entry' | 'del_project' | 'del_verdata' | 'index_modify' | 'index_delete';

/** Permissions granted by an index; a missing index grants nothing (which is why PATCH of a missing index is 403). */
export function hasStagePermission(ctx: Ctx, ix: IndexRec | undefined, perm: StagePermission): boolean {
  if (!ix) return false;
  if (tokenDenies(ctx, perm)) return false;
  const restrict = ctx.sim.options.restrictModify;
  const modifiers = restrict ?? ['root', ix.user];
  const uploaders = stringList(ix.config['acl_upload']);
  switch (perm) {
    case 'upload':
      return ix.config['type'] !== 'mirror' && anyAllowed(ctx, uploaders);
    case 'toxresult_upload':
      return anyAllowed(ctx, stringList(ix.config['acl_toxresult_upload']));
    case 'index_modify':
    case 'index_delete':
      return anyAllowed(ctx, modifiers);
    default:
      return anyAllowed(ctx, [...uploaders, ...modifiers]);
  }
}

/** Reading release files: everyone may, unless a devpi-tokens token presented withholds pkg_read. */
export function mayReadPackages(ctx: Ctx): boolean {
  return !tokenDenies(ctx, 'pkg_read');
}
