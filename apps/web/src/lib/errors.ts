/**
 * Turns anything thrown by the API layer into one sentence a person can act on. devpi's own
 * message is kept (it is usually precise); the pyramid boilerplate and Python reprs it sometimes
 * carries are trimmed.
 */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const message = 'message' in error && typeof error.message === 'string' ? cleanDevpiMessage(error.message) : '';
    const title = 'title' in error && typeof error.title === 'string' ? cleanDevpiMessage(error.title) : '';
    // Upload errors put the words in the reason phrase (title) and only newlines in message.
    if (message) return message;
    if (title) return title;
  }
  return 'The request failed. Check your connection and try again.';
}

export function cleanDevpiMessage(message: string): string {
  const firstBlock = message.trim().split(/\n\s*\n/)[0] ?? '';
  return firstBlock
    .replace(/<devpi_server\.model\.User object at 0x[0-9a-f]+>/g, 'this user')
    .replace(/<NormalizedName '([^']+)' '[^']+'>/g, '$1')
    .trim();
}

/** HTTP status of an API error, if it has one. */
export function errorStatus(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
    ? error.status
    : undefined;
}
