import { Link, NavLink } from 'react-router';
import { paths } from '../../config/paths';

const links = [
  { to: paths.home.to(), label: 'Overview', end: true },
  { to: paths.indexes.list.to(), label: 'Indexes', end: false },
  { to: paths.users.list.to(), label: 'Users', end: false },
  { to: paths.permissions.matrix.to(), label: 'Upload permissions', end: false },
  { to: paths.packages.search.to(), label: 'Search packages', end: false },
  { to: paths.history.to(), label: 'History', end: false },
  { to: paths.status.to(), label: 'Server status', end: false },
];

export function Sidebar() {
  return (
    <nav className="sidebar" aria-label="Main">
      <Link className="brand" to={paths.home.to()}>
        <span className="brand-mark" aria-hidden="true">d</span>
        <span>devpi dashboard</span>
      </Link>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
