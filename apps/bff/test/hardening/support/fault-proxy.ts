/**
 * A fault-injection TCP proxy put between the BFF and devpi (the double or a real server). It
 * decides per HTTP request what devpi "does" (answer, hang, reset, answer slowly, cut the body) and
 * can refuse or restart as a whole. It logs every request that reached it and whether it was passed
 * on, so suites can assert what did and did not reach devpi.
 */
import { EventEmitter, once } from 'node:events';
import net from 'node:net';
import { HttpRequestScanner } from './http-request-scanner.js';

export type Fault =
  | { kind: 'pass' }
  /** Swallow the request; never answer; keep the connection open. */
  | { kind: 'hang' }
  /** Reset the connection as the request arrives; nothing is passed on. */
  | { kind: 'reset' }
  /** Pass the request on but hold devpi's answer back this long. */
  | { kind: 'slow'; delayMs: number }
  /** Pass the request on, then cut the connection after this many bytes of the answer. */
  | { kind: 'cut'; afterBytes: number };

export type FaultPlan = (req: SeenRequest) => Fault;

export interface SeenRequest {
  seq: number;
  connection: number;
  method: string;
  target: string;
  headers: Record<string, string[]>;
  rawHead: string;
  bodyBytes: number;
  fault: Fault['kind'];
  /** True when the request was written to devpi. */
  forwarded: boolean;
  /** True when the whole request (head and body) arrived at the proxy. */
  complete: boolean;
}

export interface FaultProxy {
  readonly url: string;
  readonly port: number;
  /** Every request that reached the proxy, in order of arrival. */
  readonly requests: readonly SeenRequest[];
  /** Requests that reached devpi. */
  forwarded(): SeenRequest[];
  plan(fault: Fault | FaultPlan): void;
  /** Points the proxy at another devpi (a restarted double listens on a new port). */
  setUpstream(url: string): void;
  /** devpi goes away: open connections are reset and new ones refused. */
  refuse(): Promise<void>;
  /** devpi is back, on the same port as before. */
  accept(): Promise<void>;
  /** Drops everything, refuses while `whileDown` runs, then accepts again. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  openConnections(): number;
  waitForRequests(count: number): Promise<void>;
  clearLog(): void;
  close(): Promise<void>;
}

interface Conn {
  id: number;
  client: net.Socket;
  upstream?: net.Socket;
  current?: SeenRequest;
  currentFault: Fault;
  responseBytes: number;
  /** Orders writes back to the client when answers are held back. */
  chain: Promise<void>;
}

const PASS: Fault = { kind: 'pass' };

function hostPort(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)) };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function kill(socket: net.Socket | undefined): void {
  if (!socket || socket.destroyed) return;
  socket.resetAndDestroy();
}

export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  let upstream = hostPort(upstreamUrl);
  let planner: FaultPlan = () => PASS;
  const requests: SeenRequest[] = [];
  const conns = new Set<Conn>();
  const events = new EventEmitter();
  let server: net.Server | undefined;
  let port = 0;
  let connSeq = 0;

  function connectUpstream(c: Conn): net.Socket {
    const up = net.connect(upstream);
    c.upstream = up;
    up.on('data', (chunk: Buffer) => onAnswer(c, chunk));
    up.on('error', () => kill(c.client));
    up.on('close', () => {
      // devpi closed its side: the client must see the same, after anything still held back.
      void c.chain.then(() => c.client.end());
    });
    return up;
  }

  function onAnswer(c: Conn, chunk: Buffer): void {
    const fault = c.currentFault;
    let part = chunk;
    let cutHere = false;
    if (fault.kind === 'cut') {
      const room = fault.afterBytes - c.responseBytes;
      if (room <= 0) return;
      if (chunk.length >= room) {
        part = chunk.subarray(0, room);
        cutHere = true;
      }
    }
    c.responseBytes += part.length;
    c.chain = c.chain.then(
      () =>
        new Promise<void>((resolve) => {
          if (c.client.destroyed) return resolve();
          c.client.write(part, () => {
            if (cutHere) {
              kill(c.client);
              kill(c.upstream);
            }
            resolve();
          });
          if (!cutHere) resolve();
        }),
    );
  }

  function onRequestBytes(c: Conn, bytes: Buffer): void {
    const req = c.current;
    if (!req) return;
    if (req.forwarded) (c.upstream ?? connectUpstream(c)).write(bytes);
  }

  function onHead(c: Conn, head: { method: string; target: string; headers: Record<string, string[]>; rawHead: string }, bytes: Buffer): void {
    const req: SeenRequest = {
      seq: requests.length,
      connection: c.id,
      ...head,
      bodyBytes: 0,
      fault: 'pass',
      forwarded: false,
      complete: false,
    };
    const fault = planner(req);
    req.fault = fault.kind;
    requests.push(req);
    c.current = req;
    c.currentFault = fault;
    c.responseBytes = 0;
    events.emit('request');
    if (fault.kind === 'reset') {
      kill(c.client);
      kill(c.upstream);
      return;
    }
    if (fault.kind === 'hang') return;
    if (fault.kind === 'slow') {
      const held = delay(fault.delayMs);
      c.chain = c.chain.then(() => held);
    }
    req.forwarded = true;
    onRequestBytes(c, bytes);
  }

  function onConnection(client: net.Socket): void {
    const c: Conn = { id: ++connSeq, client, currentFault: PASS, responseBytes: 0, chain: Promise.resolve() };
    conns.add(c);
    const scanner = new HttpRequestScanner();
    client.on('data', (chunk: Buffer) => {
      let scanned;
      try {
        scanned = scanner.push(chunk);
      } catch {
        kill(client);
        return;
      }
      for (const ev of scanned) {
        if (ev.kind === 'head') onHead(c, ev.head, ev.bytes);
        else if (ev.kind === 'body') {
          if (c.current) c.current.bodyBytes += ev.bytes.length;
          onRequestBytes(c, ev.bytes);
        } else if (c.current) c.current.complete = true;
      }
    });
    client.on('error', () => kill(c.upstream));
    client.on('close', () => {
      kill(c.upstream);
      conns.delete(c);
    });
  }

  async function accept(): Promise<void> {
    if (server) return;
    const s = net.createServer(onConnection);
    s.listen(port, '127.0.0.1');
    await once(s, 'listening');
    const address = s.address();
    if (address === null || typeof address === 'string') throw new Error('fault proxy has no port');
    port = address.port;
    server = s;
  }

  async function refuse(): Promise<void> {
    const s = server;
    server = undefined;
    for (const c of conns) {
      kill(c.client);
      kill(c.upstream);
    }
    conns.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  await accept();
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    requests,
    forwarded: () => requests.filter((r) => r.forwarded),
    plan(fault) {
      planner = typeof fault === 'function' ? fault : () => fault;
    },
    setUpstream(next) {
      upstream = hostPort(next);
    },
    refuse,
    accept,
    async restart(whileDown) {
      await refuse();
      if (whileDown) await whileDown();
      await accept();
    },
    openConnections: () => conns.size,
    async waitForRequests(count) {
      while (requests.length < count) await once(events, 'request');
    },
    clearLog() {
      requests.length = 0;
    },
    close: refuse,
  };
}
