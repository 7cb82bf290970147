import type { ComponentType } from 'react';
import { CleanupForm } from './cleanup-form';
import { CopyIndexForm } from './copy-index-form';
import { PromoteForm } from './promote-form';

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
};
