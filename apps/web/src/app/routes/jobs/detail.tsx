import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Card, PageHeader } from '../../../components/ui/page-header';
import { Loading } from '../../../components/ui/loading';
import { paths } from '../../../config/paths';
import { jobQueryOptions } from '../../../features/jobs/api/jobs';
import { kindLabel } from '../../../features/jobs/components/format';
import { GeneratedPasswords } from '../../../features/jobs/components/generated-passwords';
import { JobActions, JobCounters, JobItems, JobStateBadge, JobSummary } from '../../../features/jobs/components/job-page';
import { describeError } from '../../../lib/errors';
import { useParam } from '../../../lib/route-params';

export function Component() {
  const id = useParam('id');
  const { data: job, error, isPending } = useQuery(jobQueryOptions(id));
  if (isPending) return <Loading label="Loading the job" />;
  if (!job) return <Alert tone="error" title="Could not load the job">{describeError(error)}</Alert>;
  return (
    <>
      <PageHeader
        title={job.title}
        breadcrumbs={<Link to={paths.jobs.list.to()}>Jobs</Link>}
        description={<>{kindLabel[job.kind] ?? job.kind} by {job.creator}, created {new Date(job.createdAt).toLocaleString()}{job.runningOn ? `, running on ${job.runningOn}` : ''}. <JobStateBadge job={job} /></>}
      />
      {job.state === 'planning' && <Alert tone="info" title="Planning">The dashboard is reading devpi to list what this job would do. Nothing is changed before you confirm.</Alert>}
      {job.state === 'awaiting_confirmation' && <Alert tone="warning" title="Check the preview">Nothing has changed yet. The job does exactly the items below once you confirm; anything that changed on devpi since is skipped.</Alert>}
      {job.reason !== null && (
        <Alert tone={job.state === 'failed' || job.counters.failed > 0 ? 'error' : job.state === 'paused' ? 'warning' : 'info'} title={job.state === 'paused' ? 'Paused' : job.state === 'failed' ? 'The job failed' : 'Note'}>
          {job.reason}
        </Alert>
      )}
      <div className="stack">
        <Card title="Progress" className="job-progress-card" actions={<JobActions job={job} />}>
          <JobCounters job={job} />
          <JobSummary job={job} />
        </Card>
        {job.kind === 'users-csv' && job.state !== 'planning' && job.state !== 'awaiting_confirmation' && <GeneratedPasswords job={job} />}
        {job.state !== 'planning' && <JobItems job={job} />}
        <p className="muted">
          Every change this job made is in the <Link to={paths.history.to({ actor: job.creator })}>history</Link>, attributed to {job.creator}.
        </p>
      </div>
    </>
  );
}
