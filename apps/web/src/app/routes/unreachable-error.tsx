import { useRevalidator } from 'react-router';
import { Button } from '../../components/ui/button';
import { unreachableName, type Unreachable } from '../../lib/connectivity';
import { describeError } from '../../lib/errors';
import { useAutoRetry } from '../../lib/use-auto-retry';

/**
 * A screen whose data could not be loaded because devpi (or the dashboard server) is not
 * answering. It re-runs the route's loaders on its own with backoff, on `online` and on focus, so
 * the screen appears by itself, where the user is, once the other side is back.
 */
export function UnreachableError({ who, error }: { who: Unreachable; error: unknown }) {
  const revalidator = useRevalidator();
  const busy = revalidator.state === 'loading';
  useAutoRetry(() => revalidator.revalidate(), busy);
  const name = unreachableName[who];
  return (
    <div className="route-error" role="alert">
      <h1>{name} is not answering</h1>
      <p>{describeError(error)}</p>
      <p>
        {who === 'devpi' ? 'The dashboard server cannot reach devpi.' : 'The browser cannot reach the dashboard server.'} This page keeps
        trying on its own and shows up as soon as {who === 'devpi' ? 'devpi' : 'it'} answers again.
      </p>
      <p>
        <Button onClick={() => void revalidator.revalidate()} busy={busy}>
          Try again
        </Button>
      </p>
    </div>
  );
}
