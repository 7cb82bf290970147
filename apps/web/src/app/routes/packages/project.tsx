import { useSuspenseQuery } from '@tanstack/react-query';
import { ReleaseVulnerabilities } from '../../../features/supply/components/release-vulnerabilities';
import { useState } from 'react';
import { Link, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button, ButtonLink } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { describeError } from '../../../lib/errors';
import { queryClient } from '../../../lib/query-client';
import { useDeleteProject, useRefreshMirrorProject } from '../../../features/packages/api/mutations';
import { indexOverviewQueryOptions, projectViewQueryOptions } from '../../../features/packages/api/packages';
import { BlockedMirrorsAlert } from '../../../features/packages/components/blocked-mirrors-alert';
import { ConfirmDeleteDialog } from '../../../features/packages/components/confirm-delete-dialog';
import { InstallCommand } from '../../../features/packages/components/install-command';
import { VersionTable } from '../../../features/packages/components/version-table';
import { installCommand } from '../../../features/packages/lib/format';
import { param, useParam } from '../../../lib/route-params';

export async function loader({ params }: LoaderFunctionArgs) {
  const user = param(params, 'user');
  const index = param(params, 'index');
  await Promise.all([
    queryClient.ensureQueryData(indexOverviewQueryOptions(user, index)),
    queryClient.ensureQueryData(projectViewQueryOptions(user, index, param(params, 'project'))),
  ]);
  return null;
}

export function Component() {
  const user = useParam('user');
  const index = useParam('index');
  const name = useParam('project');
  const { data: overview } = useSuspenseQuery(indexOverviewQueryOptions(user, index));
  const { data: project } = useSuspenseQuery(projectViewQueryOptions(user, index, name));
  const refresh = useRefreshMirrorProject(overview.name);
  const remove = useDeleteProject(overview.name);
  const [removing, setRemoving] = useState(false);
  const navigate = useNavigate();
  const latest = project.versions.find((v) => !v.prerelease && !v.invalid) ?? project.versions[0];
  // A project with no versions left is still devpi's to delete; one only inherited belongs to its base.
  const canDelete = overview.permissions.delete && !project.isMirror
    && (project.versions.length === 0 || project.versions.some((v) => v.index === overview.name));
  return (
    <>
      <PageHeader
        breadcrumbs={<><Link to={paths.packages.index.to(user, index)}>{overview.name}</Link> / {project.name}</>}
        title={project.name}
        description={latest ? <>Latest: <Link to={paths.packages.version.to(user, index, project.name, latest.version)}>{latest.version}</Link> · {project.versions.length} {project.versions.length === 1 ? 'version' : 'versions'}</> : undefined}
        actions={
          <>
            {project.isMirror && (
              <Button busy={refresh.isPending} onClick={() => refresh.mutate(project.name)}>Refresh from upstream</Button>
            )}
            <ButtonLink to={paths.history.to({ index: `${user}/${index}`, project: project.name })} variant="ghost">History</ButtonLink>
            <a className="btn btn-ghost" href={project.simpleUrl} rel="noreferrer">Simple page</a>
            {canDelete && <Button variant="danger" onClick={() => setRemoving(true)}>Delete project</Button>}
          </>
        }
      />
      <div className="stack">
        {refresh.isSuccess && <Alert tone="success">devpi dropped its cached copy of {project.name}; the versions below are fresh.</Alert>}
        {refresh.error && <Alert tone="error" title="Could not refresh">{describeError(refresh.error)}</Alert>}
        {!project.isMirror && <ReleaseVulnerabilities index={overview.name} project={project.name} />}
        {project.blockedMirrors.length > 0 && <BlockedMirrorsAlert project={project.name} mirrors={project.blockedMirrors} />}
        <InstallCommand command={installCommand(overview.simpleUrl, project.name)} label={`Copy the pip command for ${project.name}`} />
        {project.versions.length === 0 ? <p>{project.name} has no releases left on {overview.name}.</p> : <VersionTable project={project} />}
      </div>
      <ConfirmDeleteDialog
        open={removing}
        onClose={() => setRemoving(false)}
        force={!overview.volatile}
        typeToConfirm
        verb="Delete project"
        what={project.name}
        note={`Every release and file of ${project.name} on ${overview.name} goes, and the project with them.`}
        confirmText={project.name}
        onConfirm={async () => {
          await remove.mutateAsync({ project: project.name, force: !overview.volatile });
          await navigate(paths.packages.index.to(user, index));
        }}
      />
    </>
  );
}
