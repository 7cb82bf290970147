import { Link, useNavigate, useSearchParams } from 'react-router';
import { Card, PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { jobForms } from '../../../features/jobs/components/job-forms';
import { useParam } from '../../../lib/route-params';
import { Component as NotFound } from '../not-found';

export function Component() {
  const kind = useParam('kind');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const form = jobForms[kind];
  if (form === undefined) return <NotFound />;
  const initial = Object.fromEntries(params.entries());
  return (
    <>
      <PageHeader title={form.title} breadcrumbs={<Link to={paths.jobs.list.to()}>Jobs</Link>} description={form.description} />
      <Card>
        <form.Form initial={initial} onCreated={(id) => navigate(paths.jobs.detail.to(id))} />
      </Card>
    </>
  );
}
