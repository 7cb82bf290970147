import type { ReactNode } from 'react';
import './ui.css';

type Tone = 'error' | 'warning' | 'info' | 'success';

/** A message box. Errors and warnings are announced (role=alert); the rest are polite status. */
export function Alert({ tone, title, children, actions }: { tone: Tone; title?: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div className={`alert alert-${tone}`} role={role}>
      <div className="alert-body">
        {title && <p className="alert-title">{title}</p>}
        {children}
      </div>
      {actions && <div className="alert-actions">{actions}</div>}
    </div>
  );
}
