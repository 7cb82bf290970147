/**
 * Clients that give up half-way, as browsers do when a tab closes or a user cancels: a download
 * dropped after its first bytes, an upload cut off mid-body, a request dropped before any answer.
 */
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import net from 'node:net';

/** Resolves when the socket is closed, whatever happened. */
function closed(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    socket.on('error', () => undefined);
    socket.once('close', () => resolve());
  });
}

/** Asks for `target` and destroys the connection as soon as the first bytes of the answer arrive. */
export function abortedDownload(port: number, target: string, cookie: string): Promise<void> {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.once('data', () => socket.destroy());
  socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nAccept: */*\r\n\r\n`);
  return closed(socket);
}

/** Announces `declared` bytes of multipart upload, sends `sent` of them, then destroys the connection. */
export function abortedUpload(port: number, target: string, cookie: string, declared: number, sent: number): Promise<void> {
  const socket = net.connect({ host: '127.0.0.1', port });
  const head = [
    `POST ${target} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    `Cookie: ${cookie}`,
    `${CSRF_HEADER}: ${CSRF_HEADER_VALUE}`,
    `Origin: http://127.0.0.1:${port}`,
    'Content-Type: multipart/form-data; boundary=cutcutcut',
    `Content-Length: ${declared}`,
    '',
    '',
  ].join('\r\n');
  const part = '--cutcutcut\r\nContent-Disposition: form-data; name=":action"\r\n\r\nfile_upload\r\n--cutcutcut\r\nContent-Disposition: form-data; name="name"\r\n\r\npartial-pkg\r\n--cutcutcut\r\nContent-Disposition: form-data; name="version"\r\n\r\n1.0\r\n--cutcutcut\r\nContent-Disposition: form-data; name="content"; filename="partial_pkg-1.0-py3-none-any.whl"\r\nContent-Type: application/octet-stream\r\n\r\n';
  socket.write(head + part);
  socket.write(Buffer.alloc(Math.max(0, sent - part.length), 0x61), () => socket.destroy());
  return closed(socket);
}

/** Sends a request and drops the connection right away, before any answer can come. */
export function abortedRequest(port: number, target: string, cookie: string): Promise<void> {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nAccept: application/json\r\n\r\n`, () => socket.destroy());
  return closed(socket);
}

/** Runs `total` tasks, at most `width` at a time. */
export async function pool(total: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, total) }, async () => {
    while (next < total) await task(next++);
  });
  await Promise.all(lanes);
}
