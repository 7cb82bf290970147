import { useSyncExternalStore } from 'react';
import { currentToasts, dismissToast, subscribeToasts } from '../../lib/toast';
import './ui.css';

/** The confirmations of lib/toast, in a polite live region that stays in the DOM so each is read out. */
export function Toaster() {
  const toasts = useSyncExternalStore(subscribeToasts, currentToasts, currentToasts);
  return (
    <div className="toaster" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast">
          <span className="toast-text">{toast.message}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
