import type { BulkAclInput, BulkAclPreviewItem } from '@devpi-dashboard/dashboard-api';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { paths } from '../../../config/paths';
import { describeError } from '../../../lib/errors';
import { useCreateJob } from '../api/jobs';
import { useBulkAclPreview } from '../api/lifecycle';
import { fieldErrorsOf } from './field-errors';
import './jobs.css';

const stateLabel: Record<BulkAclPreviewItem['state'], { text: string; tone: 'success' | 'neutral' | 'danger' | 'warning' }> = {
  change: { text: 'will change', tone: 'success' },
  unchanged: { text: 'already so', tone: 'neutral' },
  forbidden: { text: 'not yours to change', tone: 'danger' },
  missing: { text: 'no such index', tone: 'warning' },
  not_stage: { text: 'no such list', tone: 'warning' },
};

/** `user/index` names, one per line or separated by commas or spaces. */
export const indexNames = (text: string) => [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];

/** Add or remove one principal in one ACL of many indexes: a preview per index, then a job. */
export function BulkAclForm({ initial, onCreated }: { initial: Record<string, string>; onCreated: (id: string) => void }) {
  const preview = useBulkAclPreview();
  const create = useCreateJob();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [input, setInput] = useState<BulkAclInput | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const next: BulkAclInput = {
      key: text('key') === 'acl_toxresult_upload' ? 'acl_toxresult_upload' : 'acl_upload',
      op: text('op') === 'remove' ? 'remove' : 'add',
      principal: text('principal'),
      indexes: indexNames(text('indexes')),
    };
    const problems: Record<string, string> = {};
    if (next.principal === '') problems['principal'] = 'Say who to add or remove: a user name, :ANONYMOUS:, :AUTHENTICATED: or a :group.';
    if (next.indexes.length === 0) problems['indexes'] = 'Name at least one index as user/index.';
    const bad = next.indexes.filter((name) => !/^[^/]+\/[^/]+$/.test(name));
    if (bad.length > 0) problems['indexes'] = `Write each index as user/index; not understood: ${bad.slice(0, 3).join(', ')}`;
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setInput(next);
    preview.mutate(next);
  }

  async function run() {
    if (input === null) return;
    try {
      const job = await create.mutateAsync({ kind: 'bulk-acl', params: input });
      onCreated(job.id);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
    }
  }

  const items = preview.data?.items ?? [];
  const changing = items.filter((i) => i.state === 'change').length;
  return (
    <div className="stack">
      <form className="form job-form" onSubmit={submit} noValidate aria-label="Change permissions across indexes">
        {errors['form'] && <Alert tone="error">{errors['form']}</Alert>}
        <div className="form-row">
          <SelectField label="Change" name="op" defaultValue={initial['op'] ?? 'add'} onChange={() => preview.reset()}>
            <option value="add">Add</option>
            <option value="remove">Remove</option>
          </SelectField>
          <TextField label="Who" name="principal" defaultValue={initial['principal']} placeholder="bob, :developers or :ANONYMOUS:" autoComplete="off" error={errors['principal']} onChange={() => preview.reset()} />
          <SelectField label="Permission list" name="key" defaultValue={initial['key'] ?? 'acl_upload'} onChange={() => preview.reset()}>
            <option value="acl_upload">acl_upload (may upload)</option>
            <option value="acl_toxresult_upload">acl_toxresult_upload (may upload test results)</option>
          </SelectField>
        </div>
        <TextAreaField label="Indexes" name="indexes" defaultValue={initial['indexes']} error={errors['indexes']} hint="One per line as user/index. Only the owner of an index and root may change it." onChange={() => preview.reset()} />
        <FormActions submitLabel="Preview the change" busy={preview.isPending} cancelTo={paths.jobs.list.to()} />
      </form>
      {preview.error && <Alert tone="error" title="Could not preview">{describeError(preview.error)}</Alert>}
      {preview.data && (
        <section aria-label="Preview of the permission change" className="stack">
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">What the change does to each index</caption>
              <thead>
                <tr><th scope="col">Index</th><th scope="col">Result</th><th scope="col">Now</th><th scope="col">Why</th></tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.index}>
                    <td className="mono job-item-label">{item.index}</td>
                    <td><Badge tone={stateLabel[item.state].tone}>{stateLabel[item.state].text}</Badge></td>
                    <td className="mono job-item-message">{item.current === null ? '' : item.current.join(', ') || '(empty)'}</td>
                    <td className="job-item-message">{item.operation ?? item.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {create.error && !errors['form'] && <Alert tone="error">{describeError(create.error)}</Alert>}
          <div>
            <Button variant="primary" busy={create.isPending} disabled={changing === 0} onClick={run}>
              {changing === 0 ? 'Nothing to change' : `Run as a job (${changing} ${changing === 1 ? 'index' : 'indexes'} change)`}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
