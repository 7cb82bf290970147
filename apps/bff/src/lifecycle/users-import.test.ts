import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevpiClient, DevpiError } from '@devpi-dashboard/devpi-client';
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { devpiFixture } from '../../test/support/devpi-fixtures.js';
import { createUserItem, generatePassword, previewUserRows, previewUsersCsv, readUserRows, type PasswordKeeper } from './users-import.js';

function memoryKeeper(): PasswordKeeper & { kept: Map<string, string> } {
  const kept = new Map<string, string>();
  return {
    kept,
    get: (u) => Promise.resolve(kept.get(u)),
    put: (u, p) => Promise.resolve(void kept.set(u, p)),
    drop: (u) => Promise.resolve(void kept.delete(u)),
  };
}

describe('reading a users CSV', () => {
  it('maps header columns in any order and says which rows are malformed', () => {
    const { rows, fileErrors } = readUserRows('Email,Name,description\r\n a@x.org , alice ,"  spaced, kept  "\r\nb@x.org,bob,x,extra\r\n');
    expect(fileErrors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, row: { name: 'alice', email: 'a@x.org', title: '', description: '  spaced, kept  ' }, problem: null },
      { line: 3, row: { name: 'bob', email: 'b@x.org', title: '', description: 'x' }, problem: 'This row has 4 fields; the header has 3.' },
    ]);
  });

  it('refuses a file without a name column or with a column it would not read', () => {
    expect(readUserRows('mail,title\nx,y\n').fileErrors).toEqual([
      'Column 1 ("mail") is not one of name, email, title, description.',
      'The header has no "name" column.',
    ]);
    expect(readUserRows('').fileErrors).toEqual(['The file has no header row (name,email,title,description).']);
  });
});

describe('previewing users', () => {
  const rows = readUserRows([
    'name,email',
    'müller,m@x.de',
    'bad name,',
    'Alice,',
    'carol,not-an-email',
    'müller,',
    'root,',
    `${'ü'.repeat(300)},`,
  ].join('\n')).rows;

  it("applies devpi's own name rule, the email rule, duplicates, existing users and case twins", () => {
    const preview = previewUserRows(rows, ['root', 'alice']);
    expect(preview.map((p) => [p.line, p.state, p.reason, p.caseTwin])).toEqual([
      [2, 'create', null, null],
      [3, 'invalid', "username 'bad name' contains characters that aren't allowed. Any ascii symbol besides -.@_ is blocked.", null],
      [4, 'create', null, 'alice'],
      [5, 'invalid', 'An email address needs one @ with text on either side and no spaces, or leave it empty.', null],
      [6, 'invalid', 'müller is already on line 2.', null],
      [7, 'exists', 'root already exists on devpi; it is skipped.', null],
      [8, 'create', null, null],
    ]);
  });

  it('generates distinct 24-character passwords', () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

describe('creating users against devpi', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  const made: string[] = [];
  beforeAll(async () => {
    devpi = await devpiFixture();
  });
  afterAll(async () => {
    for (const name of made) await devpi?.root.deleteUser(name).catch(() => undefined);
    await devpi?.close();
  });

  it('creates a user who can log in with the kept password, and a re-run skips them', async () => {
    const name = uniqueName('csv-user');
    made.push(name);
    const keeper = memoryKeeper();
    const row = { name, email: `${name}@example.com`, title: 'Dr', description: 'from a CSV' };
    const preview = await previewUsersCsv(devpi.root, `name,email\n${name},${row.email}\n`);
    expect(preview.rows[0]?.state).toBe('create');
    expect(await createUserItem(devpi.root, row, keeper)).toEqual({ state: 'created' });
    const password = keeper.kept.get(name) ?? '';
    const login = await new DevpiClient({ baseUrl: devpi.target.url }).login(name, password);
    expect(login.token).toBeTruthy();
    expect(await devpi.root.getUser(name)).toMatchObject({ email: row.email, title: 'Dr', description: 'from a CSV' });
    // The same run resumed after a crash: the kept password says it made the user.
    expect(await createUserItem(devpi.root, row, keeper)).toEqual({ state: 'created' });
    // Another run finds someone else's user and leaves it alone.
    expect(await createUserItem(devpi.root, row, memoryKeeper())).toMatchObject({ state: 'exists' });
    expect((await previewUsersCsv(devpi.root, `name\n${name}\n`)).rows[0]?.state).toBe('exists');
  });

  it("keeps no password when devpi refuses the user, and passes devpi's error on", async () => {
    const keeper = memoryKeeper();
    const error = await createUserItem(devpi.root, { name: 'bad/name', email: '', title: '', description: '' }, keeper).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevpiError);
    expect(keeper.kept.size).toBe(0);
  });
});
