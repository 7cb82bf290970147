import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { jobApiPaths, jobItemStates, type Job, type JobItemState } from '@devpi-dashboard/dashboard-api';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { Card } from '../../../components/ui/page-header';
import { Loading } from '../../../components/ui/loading';
import { describeError } from '../../../lib/errors';
import { isMoving, jobItemsQueryOptions, useJobAction } from '../api/jobs';
import { bytesSoFar, formatBytes, formatDuration, itemSize, itemStateTone, jobStateLabel, jobStateTone, measuringLine } from './format';
import './jobs.css';

const PAGE = 100;

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value stat-small">{value}</span>
    </div>
  );
}

function ProgressBar({ job }: { job: Job }) {
  const { total, done, skipped, failed } = job.counters;
  const pct = (n: number) => `${total === 0 ? 0 : (100 * n) / total}%`;
  return (
    <div className="job-progress" role="progressbar" aria-label="Items finished" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done + skipped + failed}>
      <span className="job-progress-done" style={{ width: pct(done) }} />
      <span className="job-progress-skipped" style={{ width: pct(skipped) }} />
      <span className="job-progress-failed" style={{ width: pct(failed) }} />
    </div>
  );
}

export function JobCounters({ job }: { job: Job }) {
  const c = job.counters;
  return (
    <>
      <ProgressBar job={job} />
      <div className="status-grid job-stats">
        <Stat label="Done" value={`${c.done} of ${c.total}`} />
        <Stat label="Skipped" value={String(c.skipped)} />
        <Stat label="Failed" value={String(c.failed)} />
        <Stat label="Left" value={String(c.left)} />
        <Stat label="Bytes" value={`${formatBytes(c.bytesDone)} of ${bytesSoFar(job, c.bytesTotal)}`} />
        <Stat label="Rate" value={c.itemsPerSecond === null ? '—' : `${c.itemsPerSecond.toFixed(1)} items/s${c.bytesPerSecond ? `, ${formatBytes(c.bytesPerSecond)}/s` : ''}`} />
        <Stat label="Time left" value={c.secondsLeft === null ? '—' : formatDuration(c.secondsLeft)} />
      </div>
    </>
  );
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}

/** What the plan found, as the kind put it (totals, what would be created). */
export function JobSummary({ job }: { job: Job }) {
  const entries = Object.entries(job.summary);
  if (entries.length === 0) return null;
  const line = measuringLine(job);
  return (
    <>
      {line !== null && <p className="job-measuring" role="status">{line}</p>}
      <dl className="job-summary">
        {entries.map(([key, value]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt>{key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}</dt>
            <dd>{key.toLowerCase().includes('bytes') && typeof value === 'number' ? bytesSoFar(job, value) : shown(value)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** Start (after the preview), pause, resume, cancel: what the job's state allows. */
export function JobActions({ job }: { job: Job }) {
  const action = useJobAction(job.id);
  const [confirm, setConfirm] = useState('');
  const run = (name: 'start' | 'cancel' | 'pause' | 'resume') => action.mutate({ action: name, ...(name === 'start' && job.confirmText !== null ? { confirm } : {}) });
  const cancellable = job.state === 'planning' || job.state === 'awaiting_confirmation' || job.state === 'running' || job.state === 'paused';
  return (
    <div className="stack">
      {action.error && <Alert tone="error" title="The job did not change">{describeError(action.error)}</Alert>}
      <div className="job-actions">
        {job.state === 'awaiting_confirmation' && job.confirmText !== null && (
          <TextField label={<>Type <code>{job.confirmText}</code> to confirm</>} value={confirm} onChange={(event) => setConfirm(event.target.value)} autoComplete="off" />
        )}
        {job.state === 'awaiting_confirmation' && (
          <Button variant="primary" busy={action.isPending} disabled={job.confirmText !== null && confirm !== job.confirmText} onClick={() => run('start')}>
            Run {job.counters.total} {job.counters.total === 1 ? 'item' : 'items'} as previewed
          </Button>
        )}
        {job.state === 'running' && <Button busy={action.isPending} onClick={() => run('pause')}>Pause</Button>}
        {job.state === 'paused' && <Button variant="primary" busy={action.isPending} onClick={() => run('resume')}>Resume</Button>}
        {cancellable && <Button variant="danger" busy={action.isPending} onClick={() => run('cancel')}>Cancel job</Button>}
      </div>
    </div>
  );
}

/** The items: the preview before confirming, each item's result after; paged, filterable, as CSV. */
export function JobItems({ job }: { job: Job }) {
  const [state, setState] = useState<JobItemState | ''>('');
  const [offset, setOffset] = useState(0);
  const filter = { ...(state === '' ? {} : { state }), offset, limit: PAGE };
  const { data, error, isPending } = useQuery(jobItemsQueryOptions(job.id, filter, isMoving(job)));
  return (
    <Card title={job.state === 'awaiting_confirmation' ? 'Preview: what the job will do' : 'Items'}>
      <div className="job-items-bar">
        <label>
          <span className="muted">Show </span>
          <select value={state} onChange={(event) => { setState(event.target.value as JobItemState | ''); setOffset(0); }} aria-label="Show items">
            <option value="">all items</option>
            {jobItemStates.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <a className="btn btn-secondary btn-sm" href={jobApiPaths.itemsCsv(job.id)} download>Download CSV</a>
      </div>
      {isPending && <Loading label="Loading items" />}
      {error && <Alert tone="error" title="Could not load the items">{describeError(error)}</Alert>}
      {data && (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Result</th>
                  <th scope="col">Size</th>
                  <th scope="col">devpi's answer</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.seq}>
                    <td className="job-item-label">{item.label}</td>
                    <td><Badge tone={itemStateTone(item.state)}>{item.state}</Badge></td>
                    <td className={item.unsized > 0 ? 'job-item-bytes muted' : 'job-item-bytes'}>{itemSize(item, job.measuring)}</td>
                    <td className="job-item-message">{item.message ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.items.length === 0 && <p className="empty">No items{state === '' ? '' : ` ${state}`}.</p>}
          </div>
          {data.total > PAGE && (
            <nav className="pager" aria-label="Pages of items">
              <span className="muted">{data.offset + 1}–{Math.min(data.offset + data.items.length, data.total)} of {data.total}</span>
              <Button size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</Button>
              <Button size="sm" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>Next</Button>
            </nav>
          )}
        </>
      )}
    </Card>
  );
}

export function JobStateBadge({ job }: { job: Job }) {
  return <Badge tone={jobStateTone(job.state)}>{jobStateLabel[job.state]}</Badge>;
}
