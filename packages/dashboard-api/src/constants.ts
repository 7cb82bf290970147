/**
 * The zod-free part of the package: paths, the CSRF header and the error codes. The SPA's first
 * chunk imports this entry so the schemas (and zod) stay in the lazily loaded chunks.
 */
export * from './paths.js';
export * from './error-codes.js';
export * from './prerender.js';
