// The entry: small, so that it runs at once. First the first API calls leave (or the answers a
// server-rendered page came with are taken), then the app's code is evaluated, which takes a few
// hundred milliseconds on a busy machine. A page the server rendered is painted before that: the
// browser paints between tasks, and evaluating the app in the same task would hold the paint back.
import './lib/early-start';

// index.html loads this module `async` (vite/preload-app.ts), so that DOMContentLoaded, and with it
// the first paint, does not wait for it: it may run before the document is parsed.
if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
const prerendered = document.getElementById('root')?.hasChildNodes() === true;
if (prerendered) await firstPaint();
await import('./app-main');

/** Resolves once the browser has painted the page's first content, or after PAINT_WAIT_MS at most. */
function firstPaint(): Promise<void> {
  const PAINT_WAIT_MS = 300;
  return new Promise<void>((resolve) => {
    if (typeof PerformanceObserver === 'undefined' || performance.getEntriesByName('first-contentful-paint').length > 0) return resolve();
    const observer = new PerformanceObserver(() => done());
    const timer = setTimeout(() => done(), PAINT_WAIT_MS);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe({ type: 'paint' });
  });
}
