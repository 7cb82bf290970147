import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigation } from 'react-router';
import '../../components/layout/layout.css';
import { Sidebar } from '../../components/layout/sidebar';
import { ThemeToggle } from '../../components/layout/theme-toggle';
import { configQueryOptions, sessionQueryOptions } from '../../features/auth/api/session';
import { UserMenu } from '../../features/auth/components/user-menu';
import { queryClient } from '../../lib/query-client';
import { ConnectivityBanner } from '../connectivity-banner';
import { RootPasswordBanner } from '../root-password-banner';

export async function loader() {
  await Promise.all([queryClient.ensureQueryData(sessionQueryOptions()), queryClient.ensureQueryData(configQueryOptions())]);
  return null;
}

export function Component() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  const navigation = useNavigation();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);
  // After moving to another screen, start keyboard and screen-reader users at its content, not
  // wherever the link they used was. The first screen keeps the browser's own start.
  useEffect(() => {
    if (pathname !== firstPath.current) main.current?.focus({ preventScroll: true });
    firstPath.current = '';
  }, [pathname]);
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <Sidebar />
      <header className="topbar">
        {navigation.state === 'loading' && <span className="nav-progress" role="progressbar" aria-label="Loading page" />}
        <UserMenu session={session} />
        <ThemeToggle />
      </header>
      <main className="main" id="main" tabIndex={-1} ref={main}>
        <ConnectivityBanner />
        <RootPasswordBanner session={session} />
        <Outlet />
      </main>
    </div>
  );
}
