import type { TokenCreated } from '@devpi-dashboard/dashboard-api';
import type { ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { TokenRestrictions } from './token-restrictions';

/**
 * The new token, shown this once: devpi keeps only what it needs to check it, the dashboard keeps
 * nothing. `children` are the tool configurations that use it.
 */
export function NewToken({ created, user, onDone, children }: { created: TokenCreated; user: string; onDone: () => void; children?: ReactNode }) {
  return (
    <section className="card new-token" aria-labelledby="new-token-title">
      <div className="card-header">
        <h2 id="new-token-title">Token {created.summary.id} for {user}</h2>
        <Button variant="primary" onClick={onDone}>I have copied it</Button>
      </div>
      <div className="card-body stack">
        <Alert tone="warning" title="Copy the token now">
          It is shown only this once. Neither devpi nor the dashboard can show it again; if it is lost, revoke it and create a new one. Keep it in your
          CI system's secret store, never in a repository.
        </Alert>
        <div className="new-token-value">
          <pre className="code-block mono" tabIndex={0} aria-label="The new token">{created.token}</pre>
          <CopyButton text={created.token} label="Copy the token" />
        </div>
        <p className="muted">
          Use it as the password of <span className="mono">{user}</span> (or alone as a Bearer token): pip, uv, poetry and twine take it like a password.
        </p>
        <TokenRestrictions token={created.summary} />
        {children}
      </div>
    </section>
  );
}
