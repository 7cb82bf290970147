import type { ComponentType } from 'react';
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
