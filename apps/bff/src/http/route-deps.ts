import type { Request } from 'express';
import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import type { Logger } from 'pino';
import type { Config } from '../config.js';

/** What every JSON route module receives from createApp. */
export interface RouteDeps {
  config: Config;
  logger: Logger;
  /** devpi-client acting as the request's session user; anonymous without a session. */
  devpiFor: (req: Request) => DevpiClient;
  /** Anonymous devpi-client (for checks that must not use anyone's credentials). */
  devpi: DevpiClient;
  /** Epoch milliseconds. */
  now: () => number;
}
