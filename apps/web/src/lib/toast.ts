/**
 * Short confirmations after a create, save or delete ("User alice created."). One store for the
 * whole app so a mutation can announce itself from its hook, whichever screen it opens next.
 */
export interface Toast {
  id: number;
  message: string;
}

const LIFETIME_MS = 5000;
let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

export function dismissToast(id: number): void {
  emit(toasts.filter((toast) => toast.id !== id));
}

export function notify(message: string): void {
  const id = nextId++;
  // At most three at once: a burst of changes should not cover the screen.
  emit([...toasts.slice(-2), { id, message }]);
  setTimeout(() => dismissToast(id), LIFETIME_MS);
}

export function subscribeToasts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentToasts(): Toast[] {
  return toasts;
}
