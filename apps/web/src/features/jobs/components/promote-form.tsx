import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { paths } from '../../../config/paths';
import { describeError } from '../../../lib/errors';
import { useCreateJob } from '../api/jobs';
import { fieldErrorsOf } from './field-errors';
import './jobs.css';

/** `name==1.0`, `name 1.0` or `name,1.0`, one per line. */
export function parseReleases(text: string): { releases: Array<{ project: string; version: string }>; bad: string[] } {
  const releases: Array<{ project: string; version: string }> = [];
  const bad: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^([^\s=,]+)\s*(?:==|,|\s)\s*(\S+)$/.exec(line);
    if (match?.[1] && match[2]) releases.push({ project: match[1], version: match[2] });
    else bad.push(line);
  }
  return { releases, bad };
}

/** Promote chosen releases from one index to another (devpi push), after a preview. */
export function PromoteForm({ initial, onCreated }: { initial: { source?: string; target?: string; releases?: string }; onCreated: (id: string) => void }) {
  const create = useCreateJob();
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const { releases, bad } = parseReleases(text('releases'));
    if (bad.length > 0) return setErrors({ releases: `Write each release as project==version; not understood: ${bad.slice(0, 3).join(', ')}` });
    try {
      const job = await create.mutateAsync({ kind: 'promote', params: { source: text('source'), target: text('target'), releases } });
      onCreated(job.id);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
    }
  }

  return (
    <form className="form job-form" onSubmit={submit} noValidate aria-label="Promote releases">
      {errors['form'] && <Alert tone="error">{errors['form']}</Alert>}
      {create.error && !errors['form'] && Object.keys(errors).length === 0 && <Alert tone="error">{describeError(create.error)}</Alert>}
      <div className="form-row">
        <TextField label="From index" name="source" defaultValue={initial.source} placeholder="alice/dev" required error={errors['source']} />
        <TextField label="To index" name="target" defaultValue={initial.target} placeholder="alice/prod" required error={errors['target']} />
      </div>
      <TextAreaField label="Releases" name="releases" defaultValue={initial.releases} required error={errors['releases']} hint="One per line: project==version. Each is pushed with all its files and docs." />
      <FormActions submitLabel="Preview the promotion" busy={create.isPending} cancelTo={paths.jobs.list.to()} />
    </form>
  );
}
