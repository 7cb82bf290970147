import { useState, type ReactNode } from 'react';
import { describeError } from '../../lib/errors';
import { Alert } from './alert';
import { Button } from './button';
import { Dialog } from './dialog';
import { TextField } from './field';

/**
 * A destructive action behind a dialog: nothing happens until the user types `confirmText` and
 * presses the button; a refusal is shown inside the dialog, which stays open.
 */
export function TypedConfirmDialog({
  open,
  onClose,
  title,
  confirmText,
  actionLabel,
  failureTitle,
  busy,
  onConfirm,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  confirmText: string;
  actionLabel: string;
  failureTitle: string;
  busy: boolean;
  onConfirm: () => Promise<unknown>;
  children: ReactNode;
}) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();

  function close() {
    setTyped('');
    setError(undefined);
    onClose();
  }

  async function confirm() {
    setError(undefined);
    try {
      await onConfirm();
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" className="btn-named" disabled={typed !== confirmText} busy={busy} onClick={confirm}>{actionLabel}</Button>
        </>
      }
    >
      <div className="stack">
        {error && <Alert tone="error" title={failureTitle}>{error}</Alert>}
        {children}
        <TextField label={`Type ${confirmText} to confirm`} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
      </div>
    </Dialog>
  );
}
