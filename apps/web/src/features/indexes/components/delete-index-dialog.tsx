import { Alert } from '../../../components/ui/alert';
import { TypedConfirmDialog } from '../../../components/ui/typed-confirm-dialog';
import { useDeleteIndex } from '../api/indexes';

export function DeleteIndexDialog({ user, index, dependents, open, onClose, onDeleted }: { user: string; index: string; dependents: string[]; open: boolean; onClose: () => void; onDeleted: () => void }) {
  const deleteIndex = useDeleteIndex();
  const name = `${user}/${index}`;
  return (
    <TypedConfirmDialog
      open={open}
      onClose={onClose}
      title={`Delete index ${name}?`}
      confirmText={name}
      actionLabel={`Delete index ${name}`}
      failureTitle="devpi did not delete the index"
      busy={deleteIndex.isPending}
      onConfirm={async () => {
        await deleteIndex.mutateAsync({ user, index });
        onDeleted();
      }}
    >
      <p>This deletes the index and every package uploaded to it. It cannot be undone.</p>
      {dependents.length > 0 && (
        <Alert tone="warning" title="Other indexes inherit from it">
          <p>{dependents.join(', ')} will no longer find the packages they inherited from {name}.</p>
        </Alert>
      )}
    </TypedConfirmDialog>
  );
}
