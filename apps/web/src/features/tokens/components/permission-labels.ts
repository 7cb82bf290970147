import type { TokenPermission } from '@devpi-dashboard/dashboard-api';

/** devpi-server's permission names in plain words, for the form and the list. */
export const permissionLabels: Record<TokenPermission, string> = {
  pkg_read: 'Download release files (pip install)',
  upload: 'Upload releases (twine upload)',
  toxresult_upload: 'Upload test results',
  index_create: 'Create indexes',
  index_modify: 'Change index settings',
  index_delete: 'Delete indexes',
  del_entry: 'Remove files',
  del_project: 'Remove projects',
  del_verdata: 'Remove releases',
};

export function permissionLabel(name: string): string {
  return name in permissionLabels ? permissionLabels[name as TokenPermission] : name;
}
