import type { ComponentType } from 'react';
import { CleanupForm } from './cleanup-form';
import { CopyIndexForm } from './copy-index-form';
import { BulkAclForm } from './bulk-acl-form';
import { PromoteForm } from './promote-form';
import { StorageReportForm } from './storage-report-form';
import { UsersCsvForm } from './users-csv-form';

export interface JobFormProps {
  initial: Record<string, string>;
  onCreated: (id: string) => void;
}

/** The form of each kind the dashboard offers; a new kind adds one entry. */
export const jobForms: Record<string, { title: string; description: string; Form: ComponentType<JobFormProps> }> = {
  cleanup: {
    title: 'Clean up indexes',
    description: 'Remove old releases by rules. You get a preview of every release and file that would go, with sizes and the space freed, before anything is removed.',
    Form: CleanupForm,
  },
  'copy-index': {
    title: 'Copy an index',
    description: 'Create a new index with the whole config of another and push every release with all its files and docs into it; each file is checked by sha256 at the end.',
    Form: CopyIndexForm,
  },
  promote: {
    title: 'Promote releases',
    description: 'Push chosen releases, with all their files and docs, from one index to another: the usual dev → prod step. You see what would be pushed before anything happens.',
    Form: PromoteForm,
  },
  'bulk-acl': {
    title: 'Change permissions across indexes',
    description: 'Add or remove one user or group in acl_upload or acl_toxresult_upload of many indexes at once, as devpi list operations. You see what changes on each index first.',
    Form: BulkAclForm,
  },
  'users-csv': {
    title: 'Create users from a CSV',
    description: 'Create many devpi users from a CSV with name, email, title and description. Every row is checked first; passwords are generated and shown once.',
    Form: UsersCsvForm,
  },
  'storage-report': {
    title: 'Refresh the storage report',
    description: 'Count the files and bytes of every index, project and release. The result shows on the Storage screen and on each index page.',
    Form: StorageReportForm,
  },
};
