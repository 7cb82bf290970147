import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/field';
import { describeError } from '../../../lib/errors';

/**
 * Removal with the care it needs: on a volatile index a plain confirmation; on a non-volatile one
 * devpi only deletes with `force`, so the user types the name of what goes before it is sent.
 * `typeToConfirm` asks for the typed name on a volatile index too (a whole project goes at once).
 */
export function ConfirmDeleteDialog({ open, onClose, what, confirmText, force, onConfirm, typeToConfirm = false, verb = 'Remove', note }: {
  open: boolean;
  onClose: () => void;
  what: string;
  confirmText: string;
  force: boolean;
  onConfirm: () => Promise<unknown>;
  typeToConfirm?: boolean;
  verb?: string;
  /** What else goes with it, said before anything is typed. */
  note?: string;
}) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const typing = force || typeToConfirm;
  const ready = !typing || typed.trim() === confirmText;
  const confirmField = <TextField label={<>Type <span className="mono">{confirmText}</span> to confirm</>} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />;
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setTyped('');
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`${verb} ${what}?`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" busy={busy} disabled={!ready} onClick={confirm}>{verb} {what}</Button>
        </>
      }
    >
      <div className="stack">
        {note !== undefined && <p>{note}</p>}
        {force ? (
          <>
            <Alert tone="warning" title="This index is non-volatile">
              Releases here are meant to stay; devpi removes them only when forced, and pip users who pinned this release will break.
            </Alert>
            {confirmField}
          </>
        ) : (
          <>
            <p>The index is volatile, so devpi removes {what} at once. This cannot be undone.</p>
            {typeToConfirm && confirmField}
          </>
        )}
        {error !== null && <Alert tone="error" title="devpi refused">{describeError(error)}</Alert>}
      </div>
    </Dialog>
  );
}
