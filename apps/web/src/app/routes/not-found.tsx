import { Link } from 'react-router';
import { paths } from '../../config/paths';

export function Component() {
  return (
    <div className="route-error">
      <h1>Page not found</h1>
      <p>There is no dashboard page at this address.</p>
      <p>
        <Link to={paths.home.to()}>Go to the overview</Link>
      </p>
    </div>
  );
}
