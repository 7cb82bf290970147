import { ANONYMOUS, AUTHENTICATED, principalKind } from '@devpi-dashboard/devpi-client';

export interface UploaderChoice {
  /** The user named in the upload snippets: one devpi lets upload, or null when none is known. */
  uploader: string | null;
  /** Whether that user is the one signed in (else the snippets are for someone else to use). */
  isCurrentUser: boolean;
  /** The users listed in acl_upload, for the note saying who may upload. */
  listed: string[];
  /** Groups in acl_upload, which an auth plugin resolves. */
  groups: string[];
}

/**
 * Who the upload snippets should name: the signed-in user when acl_upload lets them upload
 * (listed, or through :AUTHENTICATED: / :ANONYMOUS:), otherwise the first listed user. Root gets
 * no exemption: devpi answers root's upload to root/acme with 403 unless root is in acl_upload.
 */
export function chooseUploader(acl: readonly string[] | undefined, current: string | null | undefined): UploaderChoice {
  const entries = acl ?? [];
  const listed = entries.filter((entry) => principalKind(entry) === 'user');
  const groups = entries.filter((entry) => principalKind(entry) === 'group');
  const openToCurrent = current ? entries.includes(current) || entries.includes(AUTHENTICATED) || entries.includes(ANONYMOUS) : false;
  if (current && openToCurrent) return { uploader: current, isCurrentUser: true, listed, groups };
  return { uploader: listed[0] ?? null, isCurrentUser: false, listed, groups };
}
