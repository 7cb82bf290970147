import type { Status } from '@devpi-dashboard/devpi-client';
import { Card } from '../../../components/ui/page-header';
import { cacheStats, formatRate, otherMetrics } from '../lib/metrics';

const count = (value: number | undefined) => (value === undefined ? '—' : value.toLocaleString());

/** devpi's metrics as an operator reads them: a hit rate per cache, then the rest, labelled. */
export function MetricsCards({ metrics }: { metrics: NonNullable<Status['metrics']> }) {
  const caches = cacheStats(metrics);
  const rest = otherMetrics(metrics);
  return (
    <>
      {caches.length > 0 && (
        <Card title="Caches">
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr><th scope="col">Cache</th><th scope="col">Hit rate</th><th scope="col">Lookups</th><th scope="col">Misses</th><th scope="col">Evictions</th><th scope="col">Size</th></tr>
              </thead>
              <tbody>
                {caches.map((cache) => (
                  <tr key={cache.cache} title={`devpi_server_${cache.cache}_cache_*`}>
                    <td>{cache.label}</td>
                    <td><strong>{formatRate(cache.hitRate)}</strong></td>
                    <td>{count(cache.lookups)}</td>
                    <td>{count(cache.misses)}</td>
                    <td>{count(cache.evictions)}</td>
                    <td>{count(cache.size)}{cache.items !== undefined && <span className="muted"> ({count(cache.items)} items)</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {rest.length > 0 && (
        <Card title="Other metrics">
          <dl className="definition-list">
            {rest.map((metric) => (
              <div key={metric.name} className="dl-row" title={metric.name}><dt>{metric.label}</dt><dd>{count(metric.value)}</dd></div>
            ))}
          </dl>
        </Card>
      )}
    </>
  );
}
