export const DASHBOARD_API_VERSION = '0.1.0';
export * from './paths.js';
export * from './errors.js';
export * from './paging.js';
export * from './session.js';
export * from './config.js';
export * from './users.js';
export * from './indexes.js';
export * from './permissions.js';
