import { useState, type FormEvent, type ReactNode } from 'react';
import type { CreateJobRequest } from '@devpi-dashboard/dashboard-api';
import { Alert } from '../../../components/ui/alert';
import { FormActions } from '../../../components/ui/form-actions';
import { paths } from '../../../config/paths';
import { useCreateJob } from '../api/jobs';
import { fieldErrorsOf } from './field-errors';
import './jobs.css';

/** Words, comma- or line-separated, as a list. */
export const listOf = (text: string): string[] => text.split(/[\s,]+/).map((part) => part.trim()).filter(Boolean);

/**
 * A job form: reads its fields into the kind's parameters (or a field error), creates the job
 * (which plans first) and goes to its page for the preview. The BFF's field errors land under
 * their fields.
 */
export function JobFormFrame({
  kind,
  label,
  submitLabel,
  read,
  onCreated,
  children,
}: {
  kind: string;
  label: string;
  submitLabel: string;
  read: (data: FormData) => { params: CreateJobRequest['params'] } | { errors: Record<string, string> };
  onCreated: (id: string) => void;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const create = useCreateJob();
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = read(new FormData(event.currentTarget));
    if ('errors' in result) return setErrors(result.errors);
    setErrors({});
    try {
      onCreated((await create.mutateAsync({ kind, params: result.params })).id);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
    }
  }
  return (
    <form className="form job-form" onSubmit={submit} noValidate aria-label={label}>
      {errors['form'] && <Alert tone="error">{errors['form']}</Alert>}
      {children(errors)}
      <FormActions submitLabel={submitLabel} busy={create.isPending} cancelTo={paths.jobs.list.to()} />
    </form>
  );
}

export const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
