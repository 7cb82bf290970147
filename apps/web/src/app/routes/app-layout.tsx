import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Outlet, useLocation, useNavigation } from 'react-router';
import '../../components/layout/layout.css';
import { Sidebar } from '../../components/layout/sidebar';
import { ThemeToggle } from '../../components/layout/theme-toggle';
import { Toaster } from '../../components/ui/toaster';
import { configQueryOptions, sessionQueryOptions } from '../../features/auth/api/session';
import { UserMenu } from '../../features/auth/components/user-menu';
import { queryClient } from '../../lib/query-client';
import { ConnectivityBanner } from '../connectivity-banner';
import { RootPasswordBanner } from '../root-password-banner';

/** What every in-app screen needs first: who is signed in, and the public settings. */
export const layoutData = (client: QueryClient) => Promise.all([client.ensureQueryData(sessionQueryOptions()), client.ensureQueryData(configQueryOptions())]);

export async function loader() {
  await layoutData(queryClient);
  return null;
}

export function Component() {
  const { data: session } = useSuspenseQuery(sessionQueryOptions());
  const navigation = useNavigation();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);
  const menuId = useId();
  // The phone layout folds the navigation behind a menu button; every navigation folds it again.
  // Kept as the path it was opened on, so moving to another screen closes it without an effect.
  const [menuOpenOn, setMenuOpenOn] = useState<string>();
  const menuOpen = menuOpenOn === pathname;
  // After moving to another screen, start keyboard and screen-reader users at its content, not
  // wherever the link they used was. The first screen keeps the browser's own start.
  useEffect(() => {
    // A new screen opens at its top, not wherever the previous one was scrolled to.
    if (pathname !== firstPath.current) {
      window.scrollTo(0, 0);
      main.current?.focus({ preventScroll: true });
    }
    firstPath.current = '';
  }, [pathname]);
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <Sidebar open={menuOpen} id={menuId} />
      <header className="topbar">
        <button type="button" className="icon-button menu-button" aria-expanded={menuOpen} aria-controls={menuId} aria-label="Menu" onClick={() => setMenuOpenOn(menuOpen ? undefined : pathname)}>
          <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span>
        </button>
        {navigation.state === 'loading' && <span className="nav-progress" role="progressbar" aria-label="Loading page" />}
        <UserMenu session={session} />
        <ThemeToggle />
      </header>
      <main className="main" id="main" tabIndex={-1} ref={main}>
        <ConnectivityBanner />
        <RootPasswordBanner session={session} />
        <Outlet />
      </main>
      <Toaster />
    </div>
  );
}
