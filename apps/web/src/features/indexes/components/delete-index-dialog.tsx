import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/field';
import { describeError } from '../../../lib/errors';
import { useDeleteIndex } from '../api/indexes';

export function DeleteIndexDialog({ user, index, dependents, open, onClose, onDeleted }: { user: string; index: string; dependents: string[]; open: boolean; onClose: () => void; onDeleted: () => void }) {
  const deleteIndex = useDeleteIndex();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const name = `${user}/${index}`;

  function close() {
    setTyped('');
    setError(undefined);
    onClose();
  }

  async function confirm() {
    setError(undefined);
    try {
      await deleteIndex.mutateAsync({ user, index });
      onDeleted();
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Delete index ${name}?`}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" disabled={typed !== name} busy={deleteIndex.isPending} onClick={confirm}>Delete index {name}</Button>
        </>
      }
    >
      <div className="stack">
        {error && <Alert tone="error" title="devpi did not delete the index">{error}</Alert>}
        <p>This deletes the index and every package uploaded to it. It cannot be undone.</p>
        {dependents.length > 0 && (
          <Alert tone="warning" title="Other indexes inherit from it">
            <p>{dependents.join(', ')} will no longer find the packages they inherited from {name}.</p>
          </Alert>
        )}
        <TextField label={`Type ${name} to confirm`} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
      </div>
    </Dialog>
  );
}
