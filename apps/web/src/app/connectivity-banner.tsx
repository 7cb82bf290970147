import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { connectivity, unreachableName, type Outage } from '../lib/connectivity';
import { useAutoRetry } from '../lib/use-auto-retry';
import { formatWhen } from '../lib/format-date';

/** A page rendered on the server shows no outage: it was rendered from fresh answers. */
const noOutage = (): Outage | undefined => undefined;

/**
 * Says, quietly, that the data on screen is getting old because devpi (or the dashboard server)
 * stopped answering background refreshes, and refetches the failed queries (GETs only; mutations
 * are never repeated) with backoff until one succeeds, which clears the banner.
 */
export function ConnectivityBanner() {
  const outage = useSyncExternalStore(connectivity.subscribe, connectivity.snapshot, noOutage);
  return (
    <div className="connectivity-banner" role="status">
      {outage && <OutageNotice outage={outage} />}
    </div>
  );
}

function OutageNotice({ outage }: { outage: Outage }) {
  const queryClient = useQueryClient();
  const busy = useIsFetching({ predicate: (query) => query.state.status === 'error' }) > 0;
  useAutoRetry(() => queryClient.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' }), busy);
  const time = formatWhen(outage.dataFrom);
  return (
    <p>
      {unreachableName[outage.who]} is not answering; showing data from <time dateTime={new Date(outage.dataFrom).toISOString()}>{time}</time>.
      Retrying.
    </p>
  );
}
