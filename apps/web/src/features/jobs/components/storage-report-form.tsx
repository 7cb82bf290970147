import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { TextAreaField } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { paths } from '../../../config/paths';
import { useCreateJob } from '../api/jobs';
import { indexNames } from './bulk-acl-form';
import { fieldErrorsOf } from './field-errors';
import './jobs.css';

/** Refresh the storage report for every index, or for the ones named. */
export function StorageReportForm({ initial, onCreated }: { initial: Record<string, string>; onCreated: (id: string) => void }) {
  const create = useCreateJob();
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const indexes = indexNames(String(new FormData(event.currentTarget).get('indexes') ?? ''));
    try {
      const job = await create.mutateAsync({ kind: 'storage-report', params: indexes.length > 0 ? { indexes } : {} });
      onCreated(job.id);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
    }
  }

  return (
    <form className="form job-form" onSubmit={submit} noValidate aria-label="Refresh the storage report">
      {errors['form'] && <Alert tone="error">{errors['form']}</Alert>}
      <TextAreaField label="Indexes (optional)" name="indexes" defaultValue={initial['indexes']} error={errors['indexes']} hint="Leave empty to measure every index. devpi has no size API, so each stored file is asked for its length; mirrors are skipped." />
      <FormActions submitLabel="Plan the storage report" busy={create.isPending} cancelTo={paths.storage.to()} />
    </form>
  );
}
