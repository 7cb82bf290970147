/** Query keys of the session and the public config (no imports, so the app entry stays small). */
export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
  config: () => ['dashboard-config'] as const,
};
