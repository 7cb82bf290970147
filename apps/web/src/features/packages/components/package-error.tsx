import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../../../config/paths';
import { describeError, errorStatus } from '../../../lib/errors';

/** Error boundary of the package screens: a missing index, project or version is said plainly. */
export function PackageError() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : errorStatus(error);
  const message = isRouteErrorResponse(error) ? (typeof error.data === 'string' && error.data) || error.statusText : describeError(error);
  return (
    <div className="route-error" role="alert">
      <h1>{status === 404 ? 'Not found' : 'Could not show this package page'}</h1>
      <p>{message}</p>
      <p>
        <Link to={paths.packages.search.to()}>Search packages</Link> · <Link to={paths.indexes.list.to()}>All indexes</Link>
      </p>
    </div>
  );
}
