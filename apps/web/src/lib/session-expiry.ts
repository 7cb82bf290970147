/*
 * Who to tell when the BFF says the devpi session ended. Kept apart from api-client so the app
 * entry can register the handler without pulling the API layer (and zod) into the first chunk.
 */
type SessionExpiredHandler = () => void;
let handler: SessionExpiredHandler = () => undefined;

export function setSessionExpiredHandler(next: SessionExpiredHandler): void {
  handler = next;
}

export function notifySessionExpired(): void {
  handler();
}
