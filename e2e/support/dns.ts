// A minimal DNS server for one name with several A records: the loopback stand-in for Docker's
// embedded DNS, which answers `dashboard` with the address of every replica. nginx's resolver
// asks it exactly as it asks 127.0.0.11 under compose, so the e2e suite exercises the template's
// name-based balancing and failover, not a simplification of it.
import { createSocket, type RemoteInfo } from 'node:dgram';

export interface DnsServer {
  port: number;
  close: () => Promise<void>;
}

const TYPE_A = 1;
const CLASS_IN = 1;

/** The question's name (labels joined by dots) and where the question section ends. */
function readQuestion(msg: Buffer): { name: string; end: number } | undefined {
  let offset = 12;
  const labels: string[] = [];
  while (offset < msg.length) {
    const len = msg.readUInt8(offset);
    offset += 1;
    if (len === 0) break;
    labels.push(msg.subarray(offset, offset + len).toString('ascii').toLowerCase());
    offset += len;
  }
  const end = offset + 4;
  return end <= msg.length ? { name: labels.join('.'), end } : undefined;
}

function answer(query: Buffer, records: Map<string, string[]>): Buffer | undefined {
  if (query.length < 12) return undefined;
  const question = readQuestion(query);
  if (!question) return undefined;
  const qtype = query.readUInt16BE(question.end - 4);
  const known = records.get(question.name);
  const addresses = known !== undefined && qtype === TYPE_A ? known : [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  // Response, recursion desired and available; NXDOMAIN for names we do not serve.
  header.writeUInt16BE(known === undefined ? 0x8183 : 0x8180, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(addresses.length, 6);
  const answers = addresses.map((address) => {
    const rr = Buffer.alloc(16);
    rr.writeUInt16BE(0xc00c, 0); // pointer to the name in the question
    rr.writeUInt16BE(TYPE_A, 2);
    rr.writeUInt16BE(CLASS_IN, 4);
    rr.writeUInt32BE(1, 6); // TTL 1 s: nginx's `valid=` decides how long it caches anyway
    rr.writeUInt16BE(4, 10);
    address.split('.').forEach((octet, i) => rr.writeUInt8(Number(octet), 12 + i));
    return rr;
  });
  return Buffer.concat([header, query.subarray(12, question.end), ...answers]);
}

/** Serves `records` (name -> IPv4 addresses) on 127.0.0.1, UDP, on a free port. */
export async function startDns(records: Map<string, string[]>): Promise<DnsServer> {
  const socket = createSocket('udp4');
  socket.on('message', (msg: Buffer, rinfo: RemoteInfo) => {
    const reply = answer(msg, records);
    if (reply) socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  return {
    port: socket.address().port,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
