import type { Session } from '@devpi-dashboard/dashboard-api';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { sessionKeys } from '../features/auth/api/session';
import { PasswordForm } from '../features/users/components/password-form';
import { readPreference, storePreference } from '../lib/preferences';

const COLLAPSED_KEY = 'devpi-dashboard-root-banner-collapsed';

const readCollapsed = (): boolean => readPreference(COLLAPSED_KEY) === '1';
const storeCollapsed = (collapsed: boolean): void => storePreference(COLLAPSED_KEY, collapsed ? '1' : null);

/**
 * A fresh devpi lets anyone sign in as root with an empty password. While that holds, every
 * screen root sees says so and offers to fix it right there. Folded (and remembered folded), it
 * shrinks to one line that still says so, rather than taking a phone's whole first screen.
 */
export function RootPasswordBanner({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  if (!session.isRoot || session.rootPasswordEmpty !== true) return null;
  const toggle = (next: boolean) => {
    storeCollapsed(next);
    setCollapsed(next);
  };
  const action = (
    <Button size="sm" variant="ghost" aria-expanded={!collapsed} onClick={() => toggle(!collapsed)}>
      {collapsed ? 'Set a password' : 'Hide'}
    </Button>
  );
  return (
    <div className={`root-password-banner${collapsed ? ' root-password-banner-collapsed' : ''}`}>
      <Alert tone="warning" title="root has no password" actions={action}>
        {!collapsed && (
          <>
            <p>Anyone who can reach devpi can sign in as root and change everything. Set a password now.</p>
            <PasswordForm user="root" submitLabel="Set root password" compact onDone={() => queryClient.invalidateQueries({ queryKey: sessionKeys.all })} />
          </>
        )}
      </Alert>
    </div>
  );
}
