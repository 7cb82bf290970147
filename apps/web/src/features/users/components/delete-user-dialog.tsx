import type { UserConfig } from '@devpi-dashboard/devpi-client';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/field';
import { describeError } from '../../../lib/errors';
import { useDeleteUser } from '../api/users';

/** Why devpi would refuse to delete `user`, or undefined when it would not. */
export function deleteUserBlocker(user: UserConfig): { reason: string; indexes: string[] } | undefined {
  if (user.username === 'root') return { reason: 'devpi never deletes the root user.', indexes: [] };
  const nonVolatile = Object.entries(user.indexes ?? {})
    .filter(([, config]) => !config.volatile)
    .map(([name]) => `${user.username}/${name}`);
  if (nonVolatile.length === 0) return undefined;
  return {
    reason: 'devpi refuses to delete a user who owns a non-volatile index, so released packages cannot vanish by accident. Make these indexes volatile or delete them first:',
    indexes: nonVolatile,
  };
}

export function DeleteUserDialog({ user, open, onClose, onDeleted }: { user: UserConfig; open: boolean; onClose: () => void; onDeleted: () => void }) {
  const deleteUser = useDeleteUser();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const volatileIndexes = Object.entries(user.indexes ?? {}).filter(([, config]) => config.volatile);

  function close() {
    setTyped('');
    setError(undefined);
    onClose();
  }

  async function confirm() {
    setError(undefined);
    try {
      await deleteUser.mutateAsync(user.username);
      onDeleted();
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Delete user ${user.username}?`}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" disabled={typed !== user.username} busy={deleteUser.isPending} onClick={confirm}>
            Delete user {user.username}
          </Button>
        </>
      }
    >
      <div className="stack">
        {error && <Alert tone="error" title="devpi did not delete the user">{error}</Alert>}
        <p>This cannot be undone. The user can no longer sign in{volatileIndexes.length > 0 ? ', and these indexes are deleted with all their packages:' : '.'}</p>
        {volatileIndexes.length > 0 && (
          <ul>
            {volatileIndexes.map(([name]) => (
              <li key={name} className="mono">{user.username}/{name}</li>
            ))}
          </ul>
        )}
        <p className="muted">Upload permissions naming this user on other indexes stay; a new user of the same name would get them.</p>
        <TextField label={`Type ${user.username} to confirm`} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
      </div>
    </Dialog>
  );
}
