/**
 * The BFF as its own process (src/server.ts through tsx, so no build is needed and the code is
 * the current one), for what only a real process shows: signals and exit codes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const entry = fileURLToPath(new URL('../../../src/server.ts', import.meta.url));
const listening = z.object({ msg: z.string(), url: z.string() });

export interface BffChild {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  logs: string[];
  /** Resolves once a log line containing `text` has been printed (at once if it already was). */
  logged: (text: string) => Promise<void>;
}

/** `imports`: extra modules loaded before the server (test hooks such as crash-hook.ts). */
export async function startBffChild(env: Record<string, string>, imports: string[] = []): Promise<BffChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...imports.flatMap((module) => ['--import', module]), entry], {
    // A throwaway store per child: a test server never meets another run's database.
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', DATA_DIR: mkdtempSync(join(tmpdir(), 'bff-child-data-')), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code]) => z.number().nullable().parse(code));
  const logs: string[] = [];
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      logs.push(line);
      try {
        const parsed = listening.safeParse(JSON.parse(line));
        if (parsed.success && parsed.data.msg.includes('listening')) resolve(parsed.data.url);
      } catch {
        // Not a pino line (tsx or Node warnings): kept in `logs` all the same.
      }
    });
    void exited.then((code) => reject(new Error(`BFF exited with ${code} before listening:\n${logs.join('\n')}`)));
  });
  const logged = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (logs.some((line) => line.includes(text))) return resolve();
      const onLine = (line: string) => {
        if (!line.includes(text)) return;
        lines.off('line', onLine);
        resolve();
      };
      lines.on('line', onLine);
      void exited.then(() => reject(new Error(`BFF exited before logging "${text}"`)));
    });
  return { url, child, exited, logs, logged };
}
