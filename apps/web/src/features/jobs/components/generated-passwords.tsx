import type { Job } from '@devpi-dashboard/dashboard-api';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/page-header';
import { describeError } from '../../../lib/errors';
import { isMoving } from '../api/jobs';
import { passwordsWaitingQueryOptions, useTakePasswords } from '../api/lifecycle';

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** username,password rows for the one download. */
export function passwordsCsv(passwords: { username: string; password: string }[]): string {
  return `username,password\r\n${passwords.map((p) => `${cell(p.username)},${cell(p.password)}`).join('\r\n')}\r\n`;
}

/**
 * The users import's generated passwords: shown once and downloadable once. Taking them wipes
 * them from the dashboard's store, so the table and the file exist only in this tab.
 */
export function GeneratedPasswords({ job }: { job: Job }) {
  const { data } = useQuery(passwordsWaitingQueryOptions(job.id, isMoving(job)));
  const take = useTakePasswords(job.id);
  const taken = take.data?.passwords;

  if (taken !== undefined) {
    return (
      <Card title="Generated passwords">
        <Alert tone="warning" title="Shown once">These passwords are gone from the dashboard now. Download them or copy them before you leave this page.</Alert>
        {/* A data: URL built in this tab: the passwords never travel again. */}
        <p><a className="btn btn-primary" href={`data:text/csv;charset=utf-8,${encodeURIComponent(passwordsCsv(taken))}`} download={`${job.id}-passwords.csv`}>Download the passwords (CSV)</a></p>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Generated passwords</caption>
            <thead><tr><th scope="col">User</th><th scope="col">Password</th></tr></thead>
            <tbody>{taken.map((p) => <tr key={p.username}><td className="mono job-item-label">{p.username}</td><td className="mono">{p.password}</td></tr>)}</tbody>
          </table>
        </div>
      </Card>
    );
  }
  const waiting = data?.waiting ?? 0;
  return (
    <Card title="Generated passwords">
      {take.error && <Alert tone="error" title="Could not take the passwords">{describeError(take.error)}</Alert>}
      {waiting === 0 ? (
        <p className="muted">No passwords are waiting: none were generated yet, or they were already taken (or wiped 24 hours after they were made).</p>
      ) : (
        <>
          <p>{waiting} {waiting === 1 ? 'password is' : 'passwords are'} kept encrypted until you take them. You can see and download them once.</p>
          <Button variant="primary" busy={take.isPending} onClick={() => take.mutate()}>Show and download the passwords</Button>
        </>
      )}
    </Card>
  );
}
