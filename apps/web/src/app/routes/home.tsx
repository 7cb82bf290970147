import { Link } from 'react-router';
import { paths } from '../../config/paths';

export function Component() {
  return (
    <>
      <h1>Overview</h1>
      <ul>
        <li><Link to={paths.indexes.list.to()}>Indexes</Link></li>
        <li><Link to={paths.users.list.to()}>Users</Link></li>
      </ul>
    </>
  );
}
