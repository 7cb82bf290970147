import { ButtonLink } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { JobList } from '../../../features/jobs/components/job-list';

export function Component() {
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Long work runs as a job in the dashboard with your devpi rights: it shows a preview first, runs only what you confirmed, and can be paused, resumed or cancelled. Root sees everyone's jobs."
        actions={
          <>
            <ButtonLink to={paths.jobs.create.to('cleanup')} variant="primary">New cleanup</ButtonLink>
            <ButtonLink to={paths.jobs.create.to('copy-index')}>Copy an index</ButtonLink>
            <ButtonLink to={paths.jobs.create.to('promote')}>Promote releases</ButtonLink>
          </>
        }
      />
      <JobList />
    </>
  );
}
