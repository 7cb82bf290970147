// docker-compose.yml checks that need no Docker engine: interpolate it the way `docker compose`
// does (with .env.example as the .env), validate it against the Compose specification's JSON
// schema, and expose the parsed file for the structural rules in deploy.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { DCLinter } from 'dclint';
import { parse } from 'yaml';
import { z } from 'zod';
import { repoRoot } from '../support/paths.js';

export const composeFile = join(repoRoot, 'docker-compose.yml');
export const envExampleFile = join(repoRoot, '.env.example');

/** `KEY=value` lines of a dotenv file; comments and blank lines skipped. */
export function parseEnvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m?.[1] !== undefined) vars.set(m[1], (m[2] ?? '').trim());
  }
  return vars;
}

/** Every variable the compose file reads, with or without a default. */
export function composeVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.replace(/\$\$/g, '').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (m[1] !== undefined) names.add(m[1]);
  }
  return names;
}

/**
 * Compose interpolation: `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`,
 * `${VAR?error}` and `$$` for a literal dollar. An unset required variable throws its message.
 */
export function interpolate(text: string, env: Map<string, string>): string {
  const pattern = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;
  return text.replace(pattern, (whole, name: string | undefined, op: string | undefined, arg: string | undefined) => {
    if (name === undefined) return '$';
    const value = env.get(name);
    const unsetOrEmpty = value === undefined || value === '';
    switch (op) {
      case ':-': return unsetOrEmpty ? (arg ?? '') : value;
      case '-': return value ?? (arg ?? '');
      case ':?': if (unsetOrEmpty) throw new Error(`${name}: ${arg ?? 'required'}`); return value;
      case '?': if (value === undefined) throw new Error(`${name}: ${arg ?? 'required'}`); return value;
      default: return value ?? '';
    }
  });
}

const healthcheck = z.object({ test: z.array(z.string()).min(2) }).passthrough();
const service = z
  .object({
    image: z.string().optional(),
    build: z.object({ context: z.string(), dockerfile: z.string() }).optional(),
    restart: z.string().optional(),
    healthcheck: healthcheck.optional(),
    depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
    container_name: z.string().optional(),
    ports: z.array(z.string()).optional(),
    expose: z.array(z.string()).optional(),
    profiles: z.array(z.string()).optional(),
    environment: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    volumes: z.array(z.string()).optional(),
    secrets: z.array(z.string()).optional(),
  })
  .passthrough();
export const composeSchema = z
  .object({
    services: z.record(z.string(), service),
    volumes: z.record(z.string(), z.unknown()).optional(),
    secrets: z.record(z.string(), z.object({ file: z.string() }).passthrough()).optional(),
  })
  .passthrough();
export type ComposeFile = z.infer<typeof composeSchema>;

/** The compose file as `docker compose config` would see it with .env.example copied to .env. */
export function loadCompose(): { raw: string; text: string; interpolated: unknown; parsed: ComposeFile } {
  const raw = readFileSync(composeFile, 'utf8');
  const env = parseEnvFile(readFileSync(envExampleFile, 'utf8'));
  // .env.example leaves SESSION_SECRET empty on purpose; an operator's .env fills it in.
  env.set('SESSION_SECRET', 'x'.repeat(48));
  env.set('POSTGRES_PASSWORD', 'p'.repeat(48));
  const text = interpolate(raw, env);
  const interpolated: unknown = parse(text);
  return { raw, text, interpolated, parsed: composeSchema.parse(interpolated) };
}

const schemaJson = z.record(z.string(), z.unknown());
const require = createRequire(import.meta.url);
const dclintDir = dirname(require.resolve('dclint/package.json'));

/**
 * Validates against compose-spec's schema/compose-spec.json, as shipped (current, draft-07) in
 * the npm package dclint, so it is installed by `npm ci` rather than copied by hand.
 */
export function validateComposeSpec(document: unknown): string[] {
  const schema = schemaJson.parse(JSON.parse(readFileSync(join(dclintDir, 'schemas/compose.schema.json'), 'utf8')));
  // The file names its meta-schema by an https URL Ajv does not register (it knows draft-07 by
  // its http URL); the schema is plain draft-07 either way, so the label is dropped.
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

// Ordering and quoting rules are taste; the rest (unbound port interfaces, duplicate ports or
// container names, untagged images, build plus image, no version field) are kept as errors.
const styleRules = [
  'service-keys-order', 'services-alphabetical-order', 'service-dependencies-alphabetical-order',
  'service-ports-alphabetical-order', 'top-level-properties-order', 'require-quotes-in-ports',
];

const lintResults = z.array(z.object({ messages: z.array(z.object({ line: z.number(), rule: z.string(), message: z.string() })) }));

/** dclint's rules on the interpolated file (it cannot read `${...}` in a port mapping). */
export function lintCompose(interpolatedText: string, workDir: string): string[] {
  const file = join(workDir, 'docker-compose.interpolated.yml');
  writeFileSync(file, interpolatedText);
  const linter = new DCLinter({ rules: Object.fromEntries(styleRules.map((r) => [r, 0])), quiet: false, debug: false, exclude: [] });
  // dclint's .d.ts files use extensionless relative imports that NodeNext cannot follow, so its
  // result is parsed rather than trusted.
  const results = lintResults.parse(linter.lintFiles([file], false));
  return results.flatMap((r) => r.messages.map((m) => `${m.line}: ${m.rule} ${m.message}`));
}
