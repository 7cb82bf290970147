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

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes: a member whose inflated size differs from its header is an error, not data.
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (error, zip) => {
      if (error !== null) reject(new OsvDumpError(`not a readable zip archive: ${error.message}`));
      else resolve(zip);
    });
  });
}

function readMember(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error !== null) return reject(new OsvDumpError(`${entry.fileName}: ${error.message}`));
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > MAX_ENTRY_BYTES) stream.destroy(new OsvDumpError(`${entry.fileName} inflates past ${MAX_ENTRY_BYTES} bytes`));
        else chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
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
