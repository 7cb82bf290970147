import { useEffect, useRef, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { Button } from './button';
import { Dialog } from './dialog';

/**
 * Asks before a form with unsaved edits is left: in-app navigation through react-router's
 * blocker, closing or reloading the tab through beforeunload. `markSaved` is called right before
 * the form itself navigates away after saving, so that move is never blocked.
 */
export function useUnsavedChanges(dirty: boolean): { markSaved: () => void; prompt: ReactNode } {
  const saved = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !saved.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (saved.current) return;
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const prompt = (
    <Dialog
      open={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
      footer={
        <>
          <Button onClick={() => blocker.reset?.()}>Stay and keep editing</Button>
          <Button variant="danger" onClick={() => blocker.proceed?.()}>Discard changes</Button>
        </>
      }
    >
      <p>Your changes on this screen have not been saved yet.</p>
    </Dialog>
  );
  return { markSaved: () => { saved.current = true; }, prompt };
}
