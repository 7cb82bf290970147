import type { ComponentType } from 'react';
import { PromoteForm } from './promote-form';

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
};
