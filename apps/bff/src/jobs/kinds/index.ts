import { JobRegistry } from '../registry.js';

/** Every job kind this dashboard runs. A new kind adds one `.register(...)` line here. */
export function defaultRegistry(): JobRegistry {
  return new JobRegistry();
}
