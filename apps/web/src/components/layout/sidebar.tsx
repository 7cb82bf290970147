import { Link, NavLink, useLocation } from 'react-router';
import { paths } from '../../config/paths';

export const DEVPI_DOCS_URL = 'https://devpi.net/docs/';

const links = [
  { to: paths.home.to(), label: 'Overview', end: true },
  // Package browsing lives under /browse but belongs to an index, so Indexes stays highlighted there.
  { to: paths.indexes.list.to(), label: 'Indexes', end: false, also: '/browse/' },
  { to: paths.users.list.to(), label: 'Users', end: false },
  { to: paths.permissions.matrix.to(), label: 'Upload permissions', end: false },
  { to: paths.packages.search.to(), label: 'Search packages', end: false },
  { to: paths.jobs.list.to(), label: 'Jobs', end: false },
  { to: paths.vulnerabilities.to(), label: 'Vulnerabilities', end: false },
  { to: paths.storage.to(), label: 'Storage', end: false },
  { to: paths.history.to(), label: 'History', end: false },
  { to: paths.tokens.to(), label: 'Tokens', end: false },
  { to: paths.supply.to(), label: 'Supply chain', end: false },
  { to: paths.status.to(), label: 'Server status', end: false },
];

/** The main navigation: a column on wide screens, a menu opened by the top bar's button on phones. */
export function Sidebar({ open, id }: { open: boolean; id: string }) {
  const { pathname } = useLocation();
  return (
    <nav className={`sidebar${open ? ' sidebar-open' : ''}`} aria-label="Main" id={id}>
      <Link className="brand" to={paths.home.to()}>
        <span className="brand-mark" aria-hidden="true">d</span>
        <span>devpi dashboard</span>
      </Link>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end}
              className={({ isActive }) => (isActive || (link.also !== undefined && pathname.startsWith(link.also)) ? 'active' : undefined)}
            >
              {link.label}
            </NavLink>
          </li>
        ))}
        <li className="sidebar-docs">
          <a href={DEVPI_DOCS_URL} target="_blank" rel="noreferrer">devpi documentation ↗</a>
        </li>
      </ul>
    </nav>
  );
}
