import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCrashHandler, type CrashDeps } from './crash.js';

function deps(close: CrashDeps['close']) {
  const exit = vi.fn<(code: number) => void>();
  const logger = { fatal: vi.fn(), error: vi.fn() };
  return { exit, logger, close: vi.fn(close), timeoutMs: 5_000 };
}

const exited = (exit: ReturnType<typeof vi.fn>) => vi.waitFor(() => expect(exit).toHaveBeenCalled());

afterEach(() => {
  vi.useRealTimers();
});

describe('the crash handler', () => {
  it('logs the error, closes the server, then exits 1', async () => {
    const order: string[] = [];
    const d = deps(async () => {
      order.push('close');
    });
    d.exit.mockImplementation((code) => order.push(`exit ${code}`));
    createCrashHandler(d)('unhandledRejection', new Error('boom'));
    await exited(d.exit);
    expect(order).toEqual(['close', 'exit 1']);
    const [fields, message] = d.logger.fatal.mock.calls[0] ?? [];
    expect(message).toBe('unhandledRejection: closing the server and exiting');
    expect(fields).toMatchObject({ kind: 'unhandledRejection', err: { message: 'boom' } });
  });

  it('turns a rejection with a non-Error reason into an Error for the log', async () => {
    const d = deps(async () => undefined);
    createCrashHandler(d)('unhandledRejection', 'plain string');
    await exited(d.exit);
    expect(d.logger.fatal.mock.calls[0]?.[0]).toMatchObject({ err: { message: 'plain string' } });
  });

  it('still exits 1 when closing the server fails, and says so', async () => {
    const d = deps(async () => {
      throw new Error('close failed');
    });
    createCrashHandler(d)('uncaughtException', new Error('boom'));
    await exited(d.exit);
    expect(d.exit).toHaveBeenCalledWith(1);
    expect(d.logger.error.mock.calls[0]?.[1]).toBe('closing the server after a crash failed');
  });

  it('exits when the close hangs past the timeout', () => {
    vi.useFakeTimers();
    const d = deps(() => new Promise<void>(() => undefined));
    createCrashHandler(d)('uncaughtException', new Error('boom'));
    expect(d.exit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(d.timeoutMs);
    expect(d.exit).toHaveBeenCalledWith(1);
  });

  it('exits at once on a second crash while closing, and closes only once', () => {
    const d = deps(() => new Promise<void>(() => undefined));
    const onCrash = createCrashHandler(d);
    onCrash('uncaughtException', new Error('first'));
    onCrash('unhandledRejection', new Error('second'));
    expect(d.close).toHaveBeenCalledTimes(1);
    expect(d.exit).toHaveBeenCalledWith(1);
    expect(d.logger.fatal).toHaveBeenCalledTimes(2);
  });
});
