import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../../config/paths';
import { unreachable } from '../../lib/connectivity';
import { describeError } from '../../lib/errors';
import { UnreachableError } from './unreachable-error';

/** Per-route error boundary: says what went wrong in plain words and offers a way on. */
export function RouteError() {
  const error = useRouteError();
  const who = unreachable(error);
  if (who) return <UnreachableError who={who} error={error} />;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = notFound ? 'Not found' : 'Something went wrong';
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
