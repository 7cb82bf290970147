/**
 * One small member (a wheel's METADATA, a zip sdist's PKG-INFO) out of a zip archive, read in the
 * browser with @zip.js/zip.js: it reads the end record and the central directory from the end of
 * the file and then only the member's bytes, so a 1 GB wheel costs a few kilobytes of reading.
 * zip.js handles stored and deflated entries, archive comments and zip64 sizes; this file adds the
 * cap on inflated size that keeps a zip bomb from filling the tab's memory.
 */
import { configure, Reader, Writer, ZipReader, type FileEntry } from '@zip.js/zip.js/lib/zip-core-native.js';
import { MAX_MEMBER_BYTES } from './archive-limits';

/** What is needed of a Blob (a browser File is one). */
export interface ByteSource {
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}


// No workers: one small member does not pay for starting one, and the CSP need not allow blob: workers.
configure({ useWebWorkers: false, useCompressionStream: true });

class SourceReader extends Reader<ByteSource> {
  constructor(private readonly source: ByteSource) {
    super(source);
    this.size = source.size;
  }

  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    return new Uint8Array(await this.source.slice(index, Math.min(index + length, this.size)).arrayBuffer());
  }
}

export class TooLargeError extends Error {}

const tooLarge = (name: string, cap: number) =>
  new TooLargeError(`${name} inflates to more than ${Math.round(cap / 1024 / 1024)} MiB; this looks like a zip bomb and is not read.`);

/** Collects the inflated bytes and stops the inflation as soon as they pass the cap. */
class CappedWriter extends Writer<Uint8Array> {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;

  constructor(private readonly name: string, private readonly cap: number) {
    super();
  }

  override async writeUint8Array(array: Uint8Array): Promise<void> {
    this.total += array.length;
    if (this.total > this.cap) throw tooLarge(this.name, this.cap);
    this.chunks.push(array.slice());
  }

  override async getData(): Promise<Uint8Array> {
    const out = new Uint8Array(this.total);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

function explain(error: unknown): Error {
  if (error instanceof TooLargeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/end of central directory not found/i.test(message)) return new Error('This file is not a zip archive (no end of central directory).');
  // zip.js stops inflating once a member outgrows the size the directory declares.
  if (/invalid uncompressed size/i.test(message)) return new TooLargeError('A member inflates to more than its declared size; this looks like a zip bomb and is not read.');
  if (/compression method not supported/i.test(message)) return new Error('The member is compressed with a method this browser cannot read.');
  return new Error(`The zip archive is damaged (${message}).`);
}

/** Reads the member whose name `match` accepts; undefined when there is none. */
export async function readZipMember(source: ByteSource, match: (name: string) => boolean, cap = MAX_MEMBER_BYTES): Promise<Uint8Array | undefined> {
  const zip = new ZipReader(new SourceReader(source));
  try {
    let found: FileEntry | undefined;
    for await (const entry of zip.getEntriesGenerator()) {
      if (!entry.directory && match(entry.filename)) {
        found = entry;
        break;
      }
    }
    if (!found) return undefined;
    // The declared size refuses an honest bomb before any inflating; the writer catches a lying one.
    if (found.uncompressedSize > cap) throw tooLarge(found.filename, cap);
    return await found.getData(new CappedWriter(found.filename, cap));
  } catch (error) {
    throw explain(error);
  } finally {
    await zip.close();
  }
}
