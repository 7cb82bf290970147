import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';

/** Breadcrumbs and tabs shared by the screens of one index. */
export function IndexHeader({ user, index, title, description, actions }: { user: string; index: string; title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  const tabs = [
    { to: paths.indexes.detail.to(user, index), label: 'Settings' },
    { to: paths.indexes.permissions.to(user, index), label: 'Upload permissions' },
    { to: paths.indexes.clientConfig.to(user, index), label: 'Client configuration' },
    { to: paths.indexes.json.to(user, index), label: 'Raw JSON' },
    { to: paths.packages.index.to(user, index), label: 'Packages' },
    { to: paths.indexes.history.to(user, index), label: 'History' },
  ];
  return (
    <>
      <PageHeader
        breadcrumbs={<><Link to={paths.indexes.list.to()}>Indexes</Link> / <Link to={paths.users.detail.to(user)}>{user}</Link></>}
        title={title}
        description={description}
        actions={actions}
      />
      <nav className="tabs" aria-label={`Index ${user}/${index}`}>
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} className="tab" end>
            {tab.label}
          </NavLink>
        ))}
      </nav>
    </>
  );
}
