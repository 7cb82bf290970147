import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { IndexTabs } from '../../../components/layout/index-tabs';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';

/** Breadcrumbs and tabs shared by the screens of one index. */
export function IndexHeader({ user, index, title, description, actions }: { user: string; index: string; title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <>
      <PageHeader
        breadcrumbs={<><Link to={paths.indexes.list.to()}>Indexes</Link> / <Link to={paths.users.detail.to(user)}>{user}</Link></>}
        title={title}
        description={description}
        actions={actions}
      />
      <IndexTabs user={user} index={index} />
    </>
  );
}
