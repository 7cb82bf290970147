import { NavLink } from 'react-router';
import { paths } from '../../config/paths';

/**
 * The tabs of one index. Shared here because the settings screens (app/routes/indexes) and the
 * Packages screen (features/packages) both show them, and features may not import app/.
 */
export function IndexTabs({ user, index }: { user: string; index: string }) {
  const tabs = [
    { to: paths.indexes.detail.to(user, index), label: 'Settings' },
    { to: paths.indexes.permissions.to(user, index), label: 'Upload permissions' },
    { to: paths.indexes.clientConfig.to(user, index), label: 'Client configuration' },
    { to: paths.indexes.json.to(user, index), label: 'Raw JSON' },
    { to: paths.packages.index.to(user, index), label: 'Packages' },
    { to: paths.indexes.licences.to(user, index), label: 'Licences' },
    { to: paths.indexes.history.to(user, index), label: 'History' },
  ];
  return (
    <nav className="tabs" aria-label={`Index ${user}/${index}`}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} className="tab" end>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
