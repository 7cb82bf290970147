import { isMirrorIndex, type IndexConfig } from '@devpi-dashboard/devpi-client';
import type { UploadExplanation } from '@devpi-dashboard/dashboard-api';
import { ANONYMOUS, AUTHENTICATED, aclUpload, uploadVerdict } from './upload-permission.js';

export interface ExplainInput {
  user: string;
  /** `owner/name` */
  index: string;
  config: IndexConfig;
  userExists: boolean;
}

const list = (acl: string[]) => (acl.length === 0 ? 'nobody' : acl.join(', '));

/** Plain-words answer to "why can (or can't) X upload to Y", with what would change it. */
export function explainUpload({ user, index, config, userExists }: ExplainInput): UploadExplanation {
  const verdict = uploadVerdict(user, config);
  const acl = aclUpload(config);
  const owner = index.split('/')[0] ?? '';
  const anonymous = user.toUpperCase() === ANONYMOUS;
  const who = anonymous ? 'Someone who is not logged in' : user;
  const remedies: string[] = [];
  let explanation: string;
  switch (verdict.reason) {
    case 'mirror':
      explanation = `${index} is a mirror of ${isMirrorIndex(config) ? config.mirror_url : 'another index'}; nobody can upload to a mirror.`;
      remedies.push(`Upload to a stage index that has ${index} among its bases instead.`);
      break;
    case 'plugin':
      explanation = `Index type ${config.type} is managed by a plugin: ${index} has no acl_upload, so whether ${who} may upload is up to that plugin.`;
      break;
    case 'acl_user':
      explanation = `${user} is listed in acl_upload of ${index}.`;
      break;
    case 'acl_authenticated':
      explanation = `acl_upload of ${index} contains ${AUTHENTICATED}, so every logged-in user may upload, ${user} included.`;
      break;
    case 'acl_anonymous':
      explanation = `acl_upload of ${index} contains ${ANONYMOUS}, so anyone may upload, even without logging in.`;
      break;
    case 'group_unknown':
      explanation = `${user} is not listed in acl_upload of ${index} (${list(acl)}). It lists groups, and the dashboard cannot see who belongs to them, so ${user} may still be allowed through a group.`;
      remedies.push(`Add ${user} directly: acl_upload+=${user}.`);
      break;
    case 'not_listed':
      explanation = anonymous
        ? `Only ${list(acl)} may upload to ${index}; ${who} is none of them${acl.some((a) => a.toUpperCase() === AUTHENTICATED) ? ' (log in first)' : ''}.`
        : `${user} is not in acl_upload of ${index}, which allows ${list(acl)}.`;
      if (!anonymous && user === owner) explanation += ` Owning ${index} does not allow uploading: devpi only checks acl_upload.`;
      if (!anonymous && user === 'root') explanation += ' root is not allowed to upload automatically either.';
      if (!anonymous) remedies.push(`Add ${user} to acl_upload of ${index}: acl_upload+=${user}.`);
      break;
  }
  if (!anonymous && !userExists) {
    explanation += ` There is no user ${user} on this devpi.`;
    if (verdict.reason === 'acl_user') {
      remedies.push(`Remove the stale entry (acl_upload-=${user}): whoever creates a user named ${user} gets upload rights.`);
    }
  }
  return { user, index, userExists, allowed: verdict.allowed, reason: verdict.reason, aclUpload: acl, explanation, remedies };
}
