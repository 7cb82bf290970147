import type { IndexOp } from '@devpi-dashboard/devpi-client';

/** The operations an edit form will PATCH, shown before saving so the admin sees exactly what changes. */
export function PendingOps({ ops }: { ops: readonly IndexOp[] }) {
  return (
    <div className="pending-ops" aria-live="polite">
      {ops.length === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <>
          <p className="field-label">Changes to send ({ops.length})</p>
          <pre className="code-block">{ops.join('\n')}</pre>
        </>
      )}
    </div>
  );
}
