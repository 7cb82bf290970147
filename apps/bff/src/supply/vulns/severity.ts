import { severityLevels, type SeverityLevel } from '@devpi-dashboard/dashboard-api';
import type { OsvEntry } from './osv-entry.js';

export interface Severity {
  level: SeverityLevel;
  /** The CVSS vector as the entry gives it (`CVSS:3.1/AV:N/...`), when it gives one. */
  vector: string | null;
  /** The CVSS v3 base score computed from the vector; null for v2/v4 vectors and for none. */
  score: number | null;
}

const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

const weight = <T extends Record<string, number>>(table: T, key: string | undefined): number | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? table[key as keyof T] : undefined;

/** CVSS v3.1's Roundup: the smallest one-decimal number at or above x, free of float noise. */
function roundUp(x: number): number {
  const scaled = Math.round(x * 100_000);
  return scaled % 10_000 === 0 ? scaled / 100_000 : (Math.floor(scaled / 10_000) + 1) / 10;
}

/** The base score of a CVSS v3.0/v3.1 vector (FIRST's specification, section 7.1); undefined when malformed. */
export function cvss3BaseScore(vector: string): number | undefined {
  const [head, ...parts] = vector.split('/');
  if (head !== 'CVSS:3.0' && head !== 'CVSS:3.1') return undefined;
  const metrics = new Map(parts.map((part) => part.split(':') as [string, string]));
  const scopeChanged = metrics.get('S') === 'C';
  if (!scopeChanged && metrics.get('S') !== 'U') return undefined;
  const pr = metrics.get('PR');
  const privileges = pr === 'N' ? 0.85 : pr === 'L' ? (scopeChanged ? 0.68 : 0.62) : pr === 'H' ? (scopeChanged ? 0.5 : 0.27) : undefined;
  const av = weight(WEIGHTS.AV, metrics.get('AV'));
  const ac = weight(WEIGHTS.AC, metrics.get('AC'));
  const ui = weight(WEIGHTS.UI, metrics.get('UI'));
  const [c, i, a] = ['C', 'I', 'A'].map((key) => weight(WEIGHTS.CIA, metrics.get(key)));
  if (av === undefined || ac === undefined || ui === undefined || privileges === undefined || c === undefined || i === undefined || a === undefined) {
    return undefined;
  }
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = scopeChanged ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const exploitability = 8.22 * av * ac * privileges * ui;
  if (impact <= 0) return 0;
  return roundUp(Math.min((scopeChanged ? 1.08 : 1) * (impact + exploitability), 10));
}

/** CVSS's qualitative rating of a base score. */
export function levelOfScore(score: number): SeverityLevel {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/** GitHub's advisory database says MODERATE where CVSS says medium. */
function levelOfWord(word: unknown): SeverityLevel | undefined {
  if (typeof word !== 'string') return undefined;
  const lower = word.trim().toLowerCase();
  if (lower === 'moderate') return 'medium';
  return (severityLevels as readonly string[]).includes(lower) && lower !== 'unknown' ? (lower as SeverityLevel) : undefined;
}

/**
 * An entry's severity: its CVSS vector (the newest version it gives) with the v3 base score
 * computed from it, else the database's own word (`database_specific.severity`), else unknown.
 */
export function severityOf(entry: Pick<OsvEntry, 'severity' | 'database_specific' | 'affected'>): Severity {
  const vectors = entry.severity.filter((item) => item.type.startsWith('CVSS_')).sort((a, b) => b.type.localeCompare(a.type));
  const vector = vectors[0]?.score ?? null;
  const score = vectors.map((item) => cvss3BaseScore(item.score)).find((value) => value !== undefined) ?? null;
  const word =
    levelOfWord(entry.database_specific?.severity) ??
    entry.affected.map((item) => levelOfWord(item.database_specific?.severity)).find((level) => level !== undefined);
  return { level: score === null ? (word ?? 'unknown') : levelOfScore(score), vector, score };
}
