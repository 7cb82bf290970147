import { readFile, stat } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { parseOsvEntry, type OsvRecord } from './osv-entry.js';

/** The largest single entry read; real OSV entries are a few kilobytes, 1 MiB is generous. */
export const MAX_ENTRY_BYTES = 1024 * 1024;

export class OsvDumpError extends Error {}

export interface DumpSummary {
  /** JSON members read and kept (PyPI, not withdrawn). */
  kept: number;
  /** Members that were withdrawn, of other ecosystems, not OSV, or over the size cap. */
  skipped: number;
}

/**
 * Dumps up to this size are read into memory first: 20,000 members cost 40,000 small file reads
 * through the thread pool otherwise, several seconds on a busy host. OSV's PyPI dump is far smaller.
 */
const IN_MEMORY_BYTES = 256 * 1024 * 1024;

async function openZip(path: string): Promise<ZipFile> {
  // validateEntrySizes: a member whose inflated size differs from its header is an error, not data.
  const options = { lazyEntries: true, autoClose: true, validateEntrySizes: true };
  const size = (await stat(path)).size;
  const bytes = size <= IN_MEMORY_BYTES ? await readFile(path) : undefined;
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip: ZipFile) => {
      if (error !== null) reject(new OsvDumpError(`not a readable zip archive: ${error.message}`));
      else resolve(zip);
    };
    if (bytes === undefined) yauzl.open(path, options, done);
    else yauzl.fromBuffer(bytes, options, done);
  });
}

/**
 * One member's bytes. The raw (deflated) bytes are read and inflated in one synchronous call:
 * a stream per member costs thread-pool round trips that, times 20,000, dominate an import. The
 * inflated size is capped whatever the header claims, so a zip bomb stops at MAX_ENTRY_BYTES.
 */
function readMember(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      reject(new OsvDumpError(`${entry.fileName}: compression method ${entry.compressionMethod} is not deflate`));
      return;
    }
    zip.openReadStream(entry, { decompress: entry.isCompressed() ? false : null }, (error, stream) => {
      if (error !== null) return reject(new OsvDumpError(`${entry.fileName}: ${error.message}`));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (streamError: Error) => reject(new OsvDumpError(`${entry.fileName}: ${streamError.message}`)));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        if (entry.compressionMethod === 0) return resolve(raw);
        try {
          resolve(inflateRawSync(raw, { maxOutputLength: MAX_ENTRY_BYTES }));
        } catch (inflateError) {
          reject(new OsvDumpError(`${entry.fileName}: ${inflateError instanceof Error ? inflateError.message : String(inflateError)}`));
        }
      });
    });
  });
}

function parseMember(bytes: Buffer): OsvRecord | undefined {
  try {
    return parseOsvEntry(JSON.parse(bytes.toString('utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Reads an OSV dump (`PyPI/all.zip`: one JSON document per entry) member by member, so memory
 * holds one entry at a time besides what `onRecord` keeps. Members that are not OSV entries, are
 * withdrawn or concern no PyPI package are counted and skipped; a broken archive throws.
 */
export async function readOsvDump(path: string, onRecord: (record: OsvRecord) => void): Promise<DumpSummary> {
  const zip = await openZip(path);
  const summary: DumpSummary = { kept: 0, skipped: 0 };
  return new Promise((resolve, reject) => {
    zip.on('error', (error: Error) => reject(error instanceof OsvDumpError ? error : new OsvDumpError(error.message)));
    zip.on('end', () => resolve(summary));
    zip.on('entry', (entry: Entry) => {
      if (entry.fileName.endsWith('/') || !entry.fileName.endsWith('.json') || entry.uncompressedSize > MAX_ENTRY_BYTES) {
        if (!entry.fileName.endsWith('/')) summary.skipped += 1;
        zip.readEntry();
        return;
      }
      readMember(zip, entry).then(
        (bytes) => {
          const record = parseMember(bytes);
          if (record === undefined) summary.skipped += 1;
          else {
            summary.kept += 1;
            onRecord(record);
          }
          zip.readEntry();
        },
        (error: unknown) => {
          zip.close();
          reject(error instanceof Error ? error : new OsvDumpError(String(error)));
        },
      );
    });
    zip.readEntry();
  });
}
