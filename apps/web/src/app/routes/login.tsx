import { useNavigate, useSearchParams } from 'react-router';
import '../../components/layout/layout.css';
import { ThemeToggle } from '../../components/layout/theme-toggle';
import { safeNext } from '../../config/paths';
import { LoginForm } from '../../features/auth/components/login-form';

export function Component() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const expired = params.has('next');
  return (
    <main className="login-page">
      <div className="login-theme"><ThemeToggle /></div>
      <div className="login-card">
        <div className="brand login-brand">
          <span className="brand-mark" aria-hidden="true">d</span>
          <span>devpi dashboard</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">{expired ? 'Sign in to continue where you were.' : 'Use your devpi user name and password.'}</p>
        <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
      </div>
    </main>
  );
}
