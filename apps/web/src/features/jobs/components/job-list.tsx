import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Job } from '@devpi-dashboard/dashboard-api';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { describeError } from '../../../lib/errors';
import { jobListQueryOptions } from '../api/jobs';
import { jobStateLabel, jobStateTone, kindLabel } from './format';
import './jobs.css';

function progress(job: Job): string {
  const { total, done, skipped, failed } = job.counters;
  if (job.state === 'planning') return 'planning…';
  return `${done + skipped + failed} of ${total}${failed > 0 ? `, ${failed} failed` : ''}`;
}

/** Every job the viewer may see (their own; root all), newest first, live while any moves. */
export function JobList() {
  const { data, error, isPending } = useQuery(jobListQueryOptions());
  if (isPending) return <Loading label="Loading jobs" />;
  if (!data) return <Alert tone="error" title="Could not load the jobs">{describeError(error)}</Alert>;
  if (data.jobs.length === 0) return <p className="empty">No jobs yet. Start one above: a cleanup with a preview, a copy of an index or a promotion.</p>;
  return (
    <div className="table-wrap">
      <table className="table jobs-table">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Kind</th>
            <th scope="col">State</th>
            <th scope="col">Progress</th>
            <th scope="col">By</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {data.jobs.map((job) => (
            <tr key={job.id}>
              <td className="jobs-title"><Link to={paths.jobs.detail.to(job.id)}>{job.title}</Link></td>
              <td>{kindLabel[job.kind] ?? job.kind}</td>
              <td><Badge tone={jobStateTone(job.state)}>{jobStateLabel[job.state]}</Badge></td>
              <td>{progress(job)}</td>
              <td>{job.creator}</td>
              <td><time dateTime={job.createdAt}>{new Date(job.createdAt).toLocaleString()}</time></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
