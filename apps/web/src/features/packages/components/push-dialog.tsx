import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SelectField } from '../../../components/ui/field';
import { describeError } from '../../../lib/errors';
import { usePush } from '../api/mutations';

/** devpi push: copies this version's files and docs to another index the user may upload to. */
export function PushDialog({ open, onClose, index, project, version, targets }: {
  open: boolean;
  onClose: () => void;
  index: string;
  project: string;
  version: string;
  targets: string[];
}) {
  const [target, setTarget] = useState(targets[0] ?? '');
  const push = usePush(index);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Push ${project} ${version}`}
      footer={
        <>
          <Button onClick={onClose}>{push.isSuccess ? 'Close' : 'Cancel'}</Button>
          {!push.isSuccess && (
            <Button variant="primary" busy={push.isPending} disabled={!target} onClick={() => push.mutate({ project, version, target })}>Push to {target || '…'}</Button>
          )}
        </>
      }
    >
      <div className="stack">
        {targets.length === 0 ? (
          <p>You may not upload to any other index, so there is nowhere to push to.</p>
        ) : (
          <SelectField label="Target index" value={target} onChange={(e) => setTarget(e.target.value)} hint="Only indexes whose acl_upload lets you in are listed.">
            {targets.map((t) => <option key={t} value={t}>{t}</option>)}
          </SelectField>
        )}
        {push.error && <Alert tone="error" title="devpi refused the push">{describeError(push.error)}</Alert>}
        {push.data && (
          <Alert tone="success" title={`Pushed to ${target}`}>
            <ul className="history">
              {push.data.map((entry, i) => <li key={i} className="mono">{entry.join(' ')}</li>)}
            </ul>
          </Alert>
        )}
      </div>
    </Dialog>
  );
}
