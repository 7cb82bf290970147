import type { Session } from '@devpi-dashboard/dashboard-api';
import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '../components/ui/alert';
import { sessionKeys } from '../features/auth/api/session';
import { PasswordForm } from '../features/users/components/password-form';

/**
 * A fresh devpi lets anyone sign in as root with an empty password. While that holds, every
 * screen root sees says so and offers to fix it right there.
 */
export function RootPasswordBanner({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  if (!session.isRoot || session.rootPasswordEmpty !== true) return null;
  return (
    <div className="root-password-banner">
      <Alert tone="warning" title="root has no password">
        <p>Anyone who can reach devpi can sign in as root and change everything. Set a password now.</p>
        <PasswordForm user="root" submitLabel="Set root password" compact onDone={() => queryClient.invalidateQueries({ queryKey: sessionKeys.all })} />
      </Alert>
    </div>
  );
}
