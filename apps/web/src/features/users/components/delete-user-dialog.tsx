import type { UserConfig } from '@devpi-dashboard/devpi-client';
import { TypedConfirmDialog } from '../../../components/ui/typed-confirm-dialog';
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
  const volatileIndexes = Object.entries(user.indexes ?? {}).filter(([, config]) => config.volatile);
  return (
    <TypedConfirmDialog
      open={open}
      onClose={onClose}
      title={`Delete user ${user.username}?`}
      confirmText={user.username}
      actionLabel={`Delete user ${user.username}`}
      failureTitle="devpi did not delete the user"
      busy={deleteUser.isPending}
      onConfirm={async () => {
        await deleteUser.mutateAsync(user.username);
        onDeleted();
      }}
    >
      <p>This cannot be undone. The user can no longer sign in{volatileIndexes.length > 0 ? ', and these indexes are deleted with all their packages:' : '.'}</p>
      {volatileIndexes.length > 0 && (
        <ul>
          {volatileIndexes.map(([name]) => (
            <li key={name} className="mono">{user.username}/{name}</li>
          ))}
        </ul>
      )}
      <p className="muted">Upload permissions naming this user on other indexes stay; a new user of the same name would get them.</p>
    </TypedConfirmDialog>
  );
}
