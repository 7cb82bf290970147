import { useEffect, useState } from 'react';
import { Loading } from '../../../components/ui/loading';

/** After this long the wait is worth explaining: the BFF is reading the whole list from devpi. */
const EXPLAIN_AFTER_S = 1;

/**
 * The wait for a page of names. Usually a blink; on a BFF that has only just started, the first
 * page of a large mirror waits for devpi's whole project list (15 MB for pypi.org), so after a
 * second the screen says what is happening and how long it has taken so far.
 */
export function ProjectsLoading({ mirror }: { mirror: boolean }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, []);
  if (seconds < EXPLAIN_AFTER_S) return <Loading label="Loading projects" />;
  return (
    <div className="projects-loading">
      <Loading label={`Reading the project list from devpi, ${seconds} s so far`} />
      <p className="muted">
        {mirror
          ? 'The first look at a mirror reads its whole list of names from devpi once; a large mirror such as pypi.org takes a few seconds. Later pages and searches come from that copy at once.'
          : 'The dashboard reads the whole list of names from devpi once; later pages and searches come from that copy at once.'}
      </p>
      <progress aria-label="Reading the project list" />
    </div>
  );
}
