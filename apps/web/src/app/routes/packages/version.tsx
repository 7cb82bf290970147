import type { ReleaseFile } from '@devpi-dashboard/dashboard-api';
import { useSuspenseQuery } from '@tanstack/react-query';
import { ReleaseVulnerabilities } from '../../../features/supply/components/release-vulnerabilities';
import { useState } from 'react';
import { Link, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { queryClient } from '../../../lib/query-client';
import { useDeleteFile, useDeleteVersion } from '../../../features/packages/api/mutations';
import { indexOverviewQueryOptions, versionViewQueryOptions } from '../../../features/packages/api/packages';
import { ConfirmDeleteDialog } from '../../../features/packages/components/confirm-delete-dialog';
import { DescriptionView } from '../../../features/packages/components/description-view';
import { FileTable } from '../../../features/packages/components/file-table';
import { FromIndex } from '../../../features/packages/components/index-badge';
import { InstallCommand } from '../../../features/packages/components/install-command';
import { MetadataCard } from '../../../features/packages/components/metadata-card';
import { PushDialog } from '../../../features/packages/components/push-dialog';
import { installCommand } from '../../../features/packages/lib/format';
import { param, useParam } from '../../../lib/route-params';

export async function loader({ params }: LoaderFunctionArgs) {
  const user = param(params, 'user');
  const index = param(params, 'index');
  await Promise.all([
    queryClient.ensureQueryData(indexOverviewQueryOptions(user, index)),
    queryClient.ensureQueryData(versionViewQueryOptions(user, index, param(params, 'project'), param(params, 'version'))),
  ]);
  return null;
}

type Removal = { kind: 'version' } | { kind: 'file'; file: ReleaseFile };

export function Component() {
  const user = useParam('user');
  const index = useParam('index');
  const project = useParam('project');
  const version = useParam('version');
  const { data: overview } = useSuspenseQuery(indexOverviewQueryOptions(user, index));
  const { data: view } = useSuspenseQuery(versionViewQueryOptions(user, index, project, version));
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [pushing, setPushing] = useState(false);
  const deleteVersion = useDeleteVersion(overview.name);
  const deleteFile = useDeleteFile(overview.name);
  const navigate = useNavigate();
  // Only what lives on this index can be removed here; inherited releases belong to their base.
  const own = view.sourceIndex === overview.name;
  const canDelete = overview.permissions.delete && own;
  const force = !overview.volatile;

  return (
    <>
      <PageHeader
        breadcrumbs={<><Link to={paths.packages.index.to(user, index)}>{overview.name}</Link> / <Link to={paths.packages.project.to(user, index, view.name)}>{view.name}</Link></>}
        title={<>{view.name} <span className="mono">{view.version}</span> {view.prerelease && <Badge tone="warning">pre-release</Badge>}</>}
        description={view.summary ?? 'No summary.'}
        actions={
          <>
            {view.docs && <a className="btn btn-secondary" href={view.docs.url} rel="noreferrer">Documentation</a>}
            {overview.pushTargets.length > 0 && view.files.length > 0 && <Button onClick={() => setPushing(true)}>Push to another index</Button>}
            {canDelete && <Button variant="danger" onClick={() => setRemoval({ kind: 'version' })}>Remove version</Button>}
          </>
        }
      />
      <div className="stack">
        {!own && <p>This version is inherited: <FromIndex from={view.sourceIndex} here={overview.name} /></p>}
        <ReleaseVulnerabilities index={view.sourceIndex} project={view.name} version={view.version} />
        <InstallCommand command={installCommand(view.simpleUrl, view.name, view.version)} label="Copy the pip install command" />
        <Card title="Files">
          <FileTable files={view.files} canDelete={canDelete} onDelete={(file) => setRemoval({ kind: 'file', file })} />
        </Card>
        <div className="version-grid">
          <DescriptionView description={view.description} />
          <MetadataCard view={view} />
        </div>
      </div>
      <ConfirmDeleteDialog
        open={removal !== null}
        onClose={() => setRemoval(null)}
        force={force}
        what={removal?.kind === 'file' ? removal.file.filename : `${view.name} ${view.version}`}
        confirmText={removal?.kind === 'file' ? removal.file.filename : `${view.name}==${view.version}`}
        onConfirm={async () => {
          if (removal?.kind === 'file') {
            await deleteFile.mutateAsync({ fileIndex: removal.file.index, path: removal.file.path, force });
          } else {
            await deleteVersion.mutateAsync({ project: view.name, version: view.version, force });
            await navigate(paths.packages.project.to(user, index, view.name));
          }
        }}
      />
      <PushDialog open={pushing} onClose={() => setPushing(false)} index={overview.name} project={view.name} version={view.version} targets={overview.pushTargets} />
    </>
  );
}
