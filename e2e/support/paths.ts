import { fileURLToPath } from 'node:url';

/** The repository root (e2e/ sits directly under it). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
