import { useEffect, useRef, useState } from 'react';
import { retryDelayMs } from './connectivity';

/**
 * Calls `retry` on its own for as long as the calling component is mounted: after a growing delay
 * (1 s, 2 s, 4 s … 30 s), and at once when the browser comes back online or the window regains
 * focus. `busy` pauses the clock while an attempt runs, so the next delay counts from its end.
 */
export function useAutoRetry(retry: () => unknown, busy: boolean) {
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(retry);
  useEffect(() => {
    latest.current = retry;
  });

  useEffect(() => {
    if (busy) return;
    const timer = setTimeout(() => {
      setAttempt((n) => n + 1);
      latest.current();
    }, retryDelayMs(attempt));
    return () => clearTimeout(timer);
  }, [busy, attempt]);

  useEffect(() => {
    const now = () => latest.current();
    window.addEventListener('online', now);
    window.addEventListener('focus', now);
    return () => {
      window.removeEventListener('online', now);
      window.removeEventListener('focus', now);
    };
  }, []);
}
