// Imported first by main.tsx, for its effect: ES modules run their imports before their own body,
// so the call has to live in a module of its own for it to run before the rest of the entry.
import { startEarlyRequests } from './early-requests';

startEarlyRequests(window.location.pathname);
