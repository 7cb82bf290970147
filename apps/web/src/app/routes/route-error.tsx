import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../../config/paths';
import { unreachable } from '../../lib/connectivity';
import { describeError, errorStatus } from '../../lib/errors';
import { UnreachableError } from './unreachable-error';

/**
 * The one route error boundary of every screen: waits out an unreachable devpi or dashboard server
 * (and retries), says plainly what is not found, and otherwise what went wrong.
 */
export function RouteError() {
  const error = useRouteError();
  const who = unreachable(error);
  if (who) return <UnreachableError who={who} error={error} />;
  // A loader's 404 arrives either as the router's response or as the API error a query threw.
  const status = isRouteErrorResponse(error) ? error.status : errorStatus(error);
  const title = status === 404 ? 'Not found' : 'Something went wrong';
  const message = isRouteErrorResponse(error)
    ? (typeof error.data === 'string' && error.data) || error.statusText
    : describeError(error);
  return (
    <div className="route-error" role="alert">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to={paths.home.to()}>Go to the overview</Link>
      </p>
    </div>
  );
}
