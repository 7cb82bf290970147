import type { Logger } from 'pino';

/** What a crash may still do: log, try to close the server, end the process. */
export interface CrashDeps {
  logger: Pick<Logger, 'fatal' | 'error'>;
  /** Closes the server (the graceful shutdown); a crash waits for it, up to `timeoutMs`. */
  close: () => Promise<void>;
  exit: (code: number) => void;
  /** A close that hangs must not keep a broken process alive: exit anyway after this long. */
  timeoutMs: number;
}

export type CrashKind = 'unhandledRejection' | 'uncaughtException';

/**
 * The handler for `unhandledRejection` and `uncaughtException`. After either, the process is in
 * a state nobody planned for, so it does not carry on: it logs the error, tries once to close the
 * server (so in-flight requests can finish) and exits non-zero for the orchestrator to restart it.
 * A second crash while closing exits at once.
 */
export function createCrashHandler({ logger, close, exit, timeoutMs }: CrashDeps): (kind: CrashKind, error: unknown) => void {
  let crashed = false;
  return function onCrash(kind, error) {
    const err = error instanceof Error ? error : new Error(String(error));
    if (crashed) {
      logger.fatal({ err, kind }, `${kind} while shutting down after a crash: exiting now`);
      exit(1);
      return;
    }
    crashed = true;
    logger.fatal({ err, kind }, `${kind}: closing the server and exiting`);
    const force = setTimeout(() => {
      logger.error({ timeoutMs }, 'the server did not close in time after a crash: exiting anyway');
      exit(1);
    }, timeoutMs);
    force.unref();
    void close()
      .catch((closeError: unknown) => logger.error({ err: closeError }, 'closing the server after a crash failed'))
      .finally(() => {
        clearTimeout(force);
        exit(1);
      });
  };
}

/** Installs the crash handler on the process. */
export function exitOnCrash(deps: CrashDeps): void {
  const onCrash = createCrashHandler(deps);
  process.on('unhandledRejection', (reason) => onCrash('unhandledRejection', reason));
  process.on('uncaughtException', (error) => onCrash('uncaughtException', error));
}
