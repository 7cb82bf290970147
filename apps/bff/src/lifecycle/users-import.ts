import { randomBytes } from 'node:crypto';
import { validateName, type CreateUserInput, type DevpiClient } from '@devpi-dashboard/devpi-client';
import { EMAIL_PATTERN, EMAIL_PROBLEM, type UserRow, type UserRowPreview, type UsersCsvPreview } from '@devpi-dashboard/dashboard-api';
import { parseCsv } from './csv.js';

/** More rows than this is a directory sync, not a CSV import. */
export const MAX_USER_ROWS = 2_000;

const COLUMNS: Record<string, keyof UserRow> = { name: 'name', username: 'name', user: 'name', email: 'email', title: 'title', description: 'description' };

export interface ReadRow {
  line: number;
  row: UserRow;
  /** A problem with the row's shape (too many fields), before any name rule. */
  problem: string | null;
}

/** The file's header names its columns (any order, `name` required); every other record is a user. */
export function readUserRows(csv: string): { rows: ReadRow[]; fileErrors: string[] } {
  const parsed = parseCsv(csv);
  const [header, ...records] = parsed.records;
  const fileErrors = [...parsed.errors];
  if (header === undefined) return { rows: [], fileErrors: fileErrors.length ? fileErrors : ['The file has no header row (name,email,title,description).'] };
  const columns = header.fields.map((f) => COLUMNS[f.trim().toLowerCase()]);
  header.fields.forEach((f, i) => {
    if (columns[i] === undefined) fileErrors.push(`Column ${i + 1} ("${f}") is not one of name, email, title, description.`);
  });
  if (!columns.includes('name')) fileErrors.push('The header has no "name" column.');
  if (records.length > MAX_USER_ROWS) fileErrors.push(`The file has ${records.length} users; import at most ${MAX_USER_ROWS} at a time.`);
  const rows = records.map((record) => {
    const row: UserRow = { name: '', email: '', title: '', description: '' };
    record.fields.forEach((value, i) => {
      const column = columns[i];
      if (column !== undefined) row[column] = column === 'description' ? value : value.trim();
    });
    const problem = record.fields.length > header.fields.length ? `This row has ${record.fields.length} fields; the header has ${header.fields.length}.` : null;
    return { line: record.line, row, problem };
  });
  return { rows, fileErrors };
}

/**
 * Each row's fate against the users devpi has now: devpi's own name rule (word for word), the email
 * rule the create form applies, a name twice in the file, and names equal apart from letter case,
 * which devpi makes as two users (warned, not refused).
 */
export function previewUserRows(rows: ReadRow[], existing: readonly string[]): UserRowPreview[] {
  const existingSet = new Set(existing);
  const byLower = new Map<string, string>();
  for (const name of existing) byLower.set(name.toLowerCase(), name);
  const seen = new Map<string, number>();
  return rows.map(({ line, row, problem }) => {
    const base = { line, row };
    const lower = row.name.toLowerCase();
    const twinOf = byLower.get(lower);
    const caseTwin = twinOf !== undefined && twinOf !== row.name ? twinOf : null;
    const earlier = seen.get(row.name);
    let reason: string | null = problem ?? validateName('user', row.name) ?? (row.email !== '' && !EMAIL_PATTERN.test(row.email) ? EMAIL_PROBLEM : null);
    if (reason === null && earlier !== undefined) reason = `${row.name} is already on line ${earlier}.`;
    if (reason === null && !seen.has(row.name)) seen.set(row.name, line);
    if (reason === null && !byLower.has(lower)) byLower.set(lower, row.name);
    if (reason !== null) return { ...base, state: 'invalid', reason, caseTwin };
    if (existingSet.has(row.name)) return { ...base, state: 'exists', reason: `${row.name} already exists on devpi; it is skipped.`, caseTwin };
    return { ...base, state: 'create', reason: null, caseTwin };
  });
}

export async function previewUsersCsv(client: DevpiClient, csv: string): Promise<UsersCsvPreview> {
  const { rows, fileErrors } = readUserRows(csv);
  const existing = Object.keys(await client.listRoot());
  return { rows: previewUserRows(rows, existing), fileErrors };
}

/** 18 random bytes as base64url: 24 characters, 144 bits, no characters a shell or CSV mangles. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Where a run keeps a password between making it and the user's one download. */
export interface PasswordKeeper {
  /** The password kept for this user by this run, if any (a resumed item reuses it). */
  get(username: string): Promise<string | undefined>;
  put(username: string, password: string): Promise<void>;
  drop(username: string): Promise<void>;
}

export type UserItemOutcome = { state: 'created' } | { state: 'exists'; reason: string };

/**
 * Creates one user. The password is kept (encrypted) before devpi sees it, so a replica that dies
 * between the two leaves a password that still opens the account; a re-run that finds the user
 * already there with a kept password knows it made it, and one without knows someone else did.
 */
export async function createUserItem(
  client: DevpiClient,
  row: UserRow,
  keeper: PasswordKeeper,
  record: <T>(input: CreateUserInput, send: () => Promise<T>) => Promise<T> = (_input, send) => send(),
): Promise<UserItemOutcome> {
  const kept = await keeper.get(row.name);
  if ((await client.getUser(row.name)) !== undefined) {
    return kept !== undefined ? { state: 'created' } : { state: 'exists', reason: `${row.name} already exists on devpi; skipped.` };
  }
  const password = kept ?? generatePassword();
  if (kept === undefined) await keeper.put(row.name, password);
  const input: CreateUserInput = {
    password,
    ...(row.email !== '' && { email: row.email }),
    ...(row.title !== '' && { title: row.title }),
    ...(row.description !== '' && { description: row.description }),
  };
  try {
    await record(input, () => client.createUser(row.name, input));
  } catch (error) {
    await keeper.drop(row.name);
    throw error;
  }
  return { state: 'created' };
}
