import type { UserRowPreview } from '@devpi-dashboard/dashboard-api';
import { useState, type ChangeEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/field';
import { describeError } from '../../../lib/errors';
import { useCreateJob } from '../api/jobs';
import { useUsersCsvPreview } from '../api/lifecycle';
import { fieldErrorsOf } from './field-errors';
import './jobs.css';

const tone: Record<UserRowPreview['state'], 'success' | 'neutral' | 'danger'> = { create: 'success', exists: 'neutral', invalid: 'danger' };
const label: Record<UserRowPreview['state'], string> = { create: 'will be created', exists: 'exists: skipped', invalid: 'refused' };

/** The API takes at most 64 KB of JSON; the job kind allows 60,000 characters of CSV. */
const MAX_CSV_CHARS = 60_000;

/** Many users from a CSV: every row checked first, then a job; passwords are generated. */
export function UsersCsvForm({ onCreated }: { initial: Record<string, string>; onCreated: (id: string) => void }) {
  const [csv, setCsv] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const preview = useUsersCsvPreview();
  const create = useCreateJob();

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    setCsv(await file.text());
    preview.reset();
  }

  function check() {
    if (csv.trim() === '') return setErrors({ csv: 'Choose a CSV file or paste its text.' });
    if (csv.length > MAX_CSV_CHARS) return setErrors({ csv: `This CSV has ${csv.length.toLocaleString()} characters; import at most ${MAX_CSV_CHARS.toLocaleString()} at a time by splitting the file.` });
    setErrors({});
    preview.mutate(csv);
  }

  async function run() {
    try {
      const job = await create.mutateAsync({ kind: 'users-csv', params: { csv } });
      onCreated(job.id);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
    }
  }

  const rows = preview.data?.rows ?? [];
  const creating = rows.filter((r) => r.state === 'create').length;
  const fileErrors = preview.data?.fileErrors ?? [];
  return (
    <div className="stack">
      <div className="form job-form">
        {errors['form'] && <Alert tone="error">{errors['form']}</Alert>}
        <div className="field">
          <label className="field-label" htmlFor="users-csv-file">CSV file</label>
          <input id="users-csv-file" type="file" accept=".csv,text/csv" onChange={readFile} />
        </div>
        <TextAreaField
          label="CSV text"
          value={csv}
          onChange={(e) => { setCsv(e.target.value); preview.reset(); }}
          rows={8}
          className="mono"
          placeholder={'name,email,title,description\nalice,alice@example.com,Dr,Build team'}
          hint="A header row naming the columns (name required; email, title, description optional), then one user per row. Passwords are generated; you see them once when the job is done."
          error={errors['csv']}
        />
        <div><Button variant="primary" busy={preview.isPending} onClick={check}>Check the rows</Button></div>
      </div>
      {preview.error && <Alert tone="error" title="Could not check the file">{describeError(preview.error)}</Alert>}
      {fileErrors.length > 0 && (
        <Alert tone="error" title="The file cannot be read as a users CSV">
          <ul>{fileErrors.map((e) => <li key={e}>{e}</li>)}</ul>
        </Alert>
      )}
      {preview.data && fileErrors.length === 0 && (
        <section aria-label="Preview of the users" className="stack">
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">What happens to each row</caption>
              <thead>
                <tr><th scope="col" className="job-item-bytes">Line</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Result</th><th scope="col">Why</th></tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td className="mono job-item-label">{r.row.name}</td>
                    <td className="job-item-label">{r.row.email}</td>
                    <td><Badge tone={tone[r.state]}>{label[r.state]}</Badge></td>
                    <td className="job-item-message">
                      {r.reason}
                      {r.caseTwin !== null && <> <Badge tone="warning">case twin</Badge> Differs from {r.caseTwin} only in letter case; devpi keeps both as separate users.</>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {create.error && !errors['form'] && <Alert tone="error">{describeError(create.error)}</Alert>}
          <div>
            <Button variant="primary" busy={create.isPending} disabled={creating === 0} onClick={run}>
              {creating === 0 ? 'No users to create' : `Create ${creating} ${creating === 1 ? 'user' : 'users'} as a job`}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
