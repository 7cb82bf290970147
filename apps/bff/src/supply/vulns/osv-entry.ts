import { z } from 'zod';
import { normalizeProjectName } from '@devpi-dashboard/devpi-client';
import { severityOf, type Severity } from './severity.js';

/**
 * The parts of an OSV entry (https://ossf.github.io/osv-schema/) a PyPI scan needs. Unknown keys
 * are allowed everywhere: the schema grows, and an entry we cannot fully read must not stop a
 * scan of the other 20,000.
 */
const eventSchema = z
  .object({
    introduced: z.string().optional(),
    fixed: z.string().optional(),
    last_affected: z.string().optional(),
    limit: z.string().optional(),
  })
  .loose();

const rangeSchema = z.object({ type: z.string(), events: z.array(eventSchema).default([]) }).loose();

const affectedSchema = z
  .object({
    package: z.object({ ecosystem: z.string(), name: z.string() }).loose().optional(),
    ranges: z.array(rangeSchema).default([]),
    versions: z.array(z.string()).default([]),
    database_specific: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

export const osvEntrySchema = z
  .object({
    id: z.string().min(1).max(200),
    modified: z.string().optional(),
    withdrawn: z.string().optional(),
    aliases: z.array(z.string()).default([]),
    summary: z.string().optional(),
    details: z.string().optional(),
    severity: z.array(z.object({ type: z.string(), score: z.string() }).loose()).default([]),
    affected: z.array(affectedSchema).default([]),
    references: z.array(z.object({ type: z.string(), url: z.string() }).loose()).default([]),
    database_specific: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type OsvEntry = z.infer<typeof osvEntrySchema>;

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  lastAffected?: string;
  limit?: string;
}

/** One affected package of an entry, PyPI only, with its name PEP 503-normalised. */
export interface OsvAffected {
  name: string;
  key: string;
  /** ECOSYSTEM ranges only: SEMVER and GIT ranges say nothing about PyPI versions. */
  ranges: OsvEvent[][];
  versions: string[];
}

/** An entry as the scanner keeps it: what a finding shows, and the PyPI packages it affects. */
export interface OsvRecord {
  id: string;
  modified: string | null;
  aliases: string[];
  summary: string | null;
  severity: Severity;
  link: string;
  affected: OsvAffected[];
}

export const PYPI_ECOSYSTEM = 'PyPI';

/** OSV's own page for an id; an ADVISORY reference wins when the entry names one. */
function linkOf(entry: OsvEntry): string {
  const advisory = entry.references.find((reference) => reference.type === 'ADVISORY');
  return advisory?.url ?? `https://osv.dev/vulnerability/${encodeURIComponent(entry.id)}`;
}

function toEvent(event: z.infer<typeof eventSchema>): OsvEvent | undefined {
  if (event.introduced !== undefined) return { introduced: event.introduced };
  if (event.fixed !== undefined) return { fixed: event.fixed };
  if (event.last_affected !== undefined) return { lastAffected: event.last_affected };
  if (event.limit !== undefined) return { limit: event.limit };
  return undefined;
}

/**
 * The scanner's view of an entry, or undefined when it does not concern a PyPI release at all:
 * withdrawn entries are ignored, as the schema asks, and so are other ecosystems' packages.
 */
export function toRecord(entry: OsvEntry): OsvRecord | undefined {
  if (entry.withdrawn !== undefined) return undefined;
  const affected: OsvAffected[] = [];
  for (const item of entry.affected) {
    if (item.package?.ecosystem !== PYPI_ECOSYSTEM) continue;
    const ranges = item.ranges
      .filter((range) => range.type === 'ECOSYSTEM')
      .map((range) => range.events.flatMap((event) => toEvent(event) ?? []));
    affected.push({ name: item.package.name, key: normalizeProjectName(item.package.name), ranges, versions: item.versions });
  }
  if (affected.length === 0) return undefined;
  return {
    id: entry.id,
    modified: entry.modified ?? null,
    aliases: entry.aliases,
    summary: entry.summary ?? null,
    severity: severityOf(entry),
    link: linkOf(entry),
    affected,
  };
}

/** Parses one JSON document of a dump or an API answer; undefined when it is no OSV entry. */
export function parseOsvEntry(json: unknown): OsvRecord | undefined {
  const parsed = osvEntrySchema.safeParse(json);
  return parsed.success ? toRecord(parsed.data) : undefined;
}
