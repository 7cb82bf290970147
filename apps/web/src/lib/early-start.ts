// Imported first by main.tsx, for its effect: ES modules run their imports before their own body,
// so the call has to live in a module of its own for it to run before the rest of the entry.
import { PRERENDER_META } from '@devpi-dashboard/dashboard-api/constants';
import { startEarlyRequests } from './early-requests';

// A page the BFF is still rendering says so in its head: its answers come with the rest of it, so
// they are taken once it is parsed (the entry is async and may run first). Any other page: now.
if (document.readyState === 'loading' && document.querySelector(`meta[name="${PRERENDER_META}"]`) !== null) {
  document.addEventListener('DOMContentLoaded', () => startEarlyRequests(window.location.pathname), { once: true });
} else {
  startEarlyRequests(window.location.pathname);
}
