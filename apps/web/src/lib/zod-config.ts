import { z } from 'zod';

// Imported first by main.tsx, before any schema is built: zod 4 otherwise probes `new Function`
// while building object schemas, and although it catches the refusal, the browser still reports
// it as a CSP violation (script-src has no 'unsafe-eval') on every page load.
z.config({ jitless: true });
