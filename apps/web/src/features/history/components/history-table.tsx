import { Fragment } from 'react';
import { Link } from 'react-router';
import { describeChange, type HistoryEntry, type HistoryGap } from '@devpi-dashboard/dashboard-api';
import { Badge } from '../../../components/ui/badge';
import { indexParts, paths } from '../../../config/paths';

const OUTCOME = {
  ok: { tone: 'success', label: 'Succeeded' },
  failed: { tone: 'danger', label: 'Failed' },
  unknown: { tone: 'warning', label: 'Outcome unknown' },
} as const;

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function Target({ entry }: { entry: HistoryEntry }) {
  const { user, index, project, version, file } = entry.target;
  if (index === undefined) return user === undefined ? null : <Link to={paths.users.detail.to(user)} className="mono">{user}</Link>;
  const [owner, name] = indexParts(index);
  return (
    <span className="history-target">
      <Link to={paths.indexes.detail.to(owner, name)} className="mono">{index}</Link>
      {project !== undefined && (
        <>
          {' '}
          <Link to={paths.packages.project.to(owner, name, project)}>{project}</Link>
        </>
      )}
      {version !== undefined && <> {version}</>}
      {file !== undefined && <span className="history-file mono">{file}</span>}
    </span>
  );
}

function Outcome({ entry }: { entry: HistoryEntry }) {
  const { tone, label } = OUTCOME[entry.outcome.state];
  return (
    <>
      <Badge tone={tone}>{label}</Badge>
      {entry.outcome.status !== null && <span className="muted"> {entry.outcome.status}</span>}
      {entry.outcome.message && <div className="history-message">{entry.outcome.message}</div>}
    </>
  );
}

function GapRow({ gap }: { gap: HistoryGap }) {
  const serials = gap.fromSerial === gap.toSerial ? `devpi serial ${gap.fromSerial}` : `devpi serials ${gap.fromSerial}–${gap.toSerial}`;
  return (
    <tr className="history-gap">
      <td colSpan={6}>
        {gap.count} {gap.count === 1 ? 'change' : 'changes'} made outside the dashboard ({serials})
      </td>
    </tr>
  );
}

/** Newest first; devpi serials no recorded change explains sit where they happened. */
export function HistoryTable({ items, gaps }: { items: HistoryEntry[]; gaps: HistoryGap[] }) {
  const gapAfter = new Map(gaps.map((gap) => [gap.beforeId, gap]));
  return (
    <table className="table history-table">
      <caption className="visually-hidden">History</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Change</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {items.map((entry) => {
          const gap = gapAfter.get(entry.id);
          return (
            <Fragment key={entry.id}>
              <tr>
                <td className="history-time">
                  <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
                  {entry.serial !== null && <div className="muted">serial {entry.serial}</div>}
                </td>
                <td>
                  {entry.actor ?? <span className="muted">anonymous</span>}
                  {entry.clientAddress && <div className="muted mono history-address">{entry.clientAddress}</div>}
                </td>
                <td className="history-action">
                  <span className="mono">{entry.action}</span>
                  {entry.source === 'devpi' && <div><Badge title="From devpi's own file log: done directly against devpi">devpi log</Badge></div>}
                </td>
                <td><Target entry={entry} /></td>
                <td>
                  <ul className="history-changes">
                    {entry.changes.map((change, n) => <li key={n} className="mono">{describeChange(change)}</li>)}
                  </ul>
                </td>
                <td><Outcome entry={entry} /></td>
              </tr>
              {gap && <GapRow gap={gap} />}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
