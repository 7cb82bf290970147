import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentToasts, dismissToast, notify, subscribeToasts } from './toast';

// The suites share one module registry (vitest's isolate: false): start from no toasts whatever
// another file's screens left.
const dismissAll = () => {
  for (const toast of currentToasts()) dismissToast(toast.id);
};
beforeEach(dismissAll);
afterEach(() => {
  dismissAll();
  vi.useRealTimers();
});

describe('toasts', () => {
  it('shows a confirmation, tells subscribers, and lets it go on its own', () => {
    vi.useFakeTimers();
    const heard = vi.fn();
    const stop = subscribeToasts(heard);
    notify('User alice created.');
    expect(currentToasts().map((toast) => toast.message)).toEqual(['User alice created.']);
    expect(heard).toHaveBeenCalled();
    vi.runAllTimers();
    expect(currentToasts()).toEqual([]);
    stop();
  });

  it('keeps only the three newest', () => {
    for (const n of [1, 2, 3, 4]) notify(`change ${n}`);
    expect(currentToasts().map((toast) => toast.message)).toEqual(['change 2', 'change 3', 'change 4']);
  });
});
