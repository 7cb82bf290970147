// Dockerfile lint without hadolint: dockerfile-utils' validator (the one behind the Docker
// language server) with every rule as an error, plus the few house rules an image reviewer
// would check by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { repoRoot } from '../support/paths.js';

export const dockerfiles = ['Dockerfile', 'docker/devpi/Dockerfile', 'docker/client/Dockerfile', 'docker/lb/Dockerfile'];

const strict: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Instructions with continuation lines joined and comments dropped. */
export function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (pending === undefined && (line === '' || line.startsWith('#'))) return;
    if (pending !== undefined && line.startsWith('#')) return;
    const body = line.endsWith('\\') ? line.slice(0, -1) : line;
    pending = pending === undefined ? { text: body, line: i + 1 } : { text: `${pending.text} ${body}`, line: pending.line };
    if (!line.endsWith('\\')) {
      const m = /^(\S+)\s*(.*)$/.exec(pending.text);
      if (m?.[1] !== undefined) out.push({ keyword: m[1].toUpperCase(), args: m[2] ?? '', line: pending.line });
      pending = undefined;
    }
  });
  return out;
}

/** Every problem found in one Dockerfile, as `file:line message`. */
export function lintDockerfile(relativePath: string): string[] {
  return lintDockerfileText(relativePath, readFileSync(join(repoRoot, relativePath), 'utf8'));
}

/** Every problem found in Dockerfile text; `relativePath` only names it in the messages. */
export function lintDockerfileText(relativePath: string, text: string): string[] {
  const problems = validate(text, strict).map((d) => `${relativePath}:${d.range.start.line + 1} ${d.message}`);
  const ins = instructions(text);
  const lastFrom = ins.map((x) => x.keyword).lastIndexOf('FROM');
  const finalStage = ins.slice(lastFrom);
  for (const from of ins.filter((x) => x.keyword === 'FROM')) {
    const image = from.args.split(/\s+/)[0] ?? '';
    if (!image.includes(':') || image.endsWith(':latest')) problems.push(`${relativePath}:${from.line} base image ${image} is not pinned to a tag`);
  }
  if (!finalStage.some((x) => x.keyword === 'HEALTHCHECK')) problems.push(`${relativePath}: final stage has no HEALTHCHECK`);
  for (const run of ins.filter((x) => x.keyword === 'RUN')) {
    if (/\bpip3? install\b/.test(run.args) && !run.args.includes('--no-cache-dir')) problems.push(`${relativePath}:${run.line} pip install without --no-cache-dir`);
    for (const m of run.args.matchAll(/"?\b(devpi-[a-z]+)(==[^"\s]+)?"?/g)) {
      if (/pip3? install/.test(run.args) && m[2] === undefined) problems.push(`${relativePath}:${run.line} ${m[1]} is not pinned with ==`);
    }
    if (/apt-get install/.test(run.args) && !run.args.includes('--no-install-recommends')) problems.push(`${relativePath}:${run.line} apt-get install without --no-install-recommends`);
  }
  return problems;
}

/** The user the final stage runs as, or undefined when it never switches from root. */
export function finalUser(relativePath: string): string | undefined {
  const ins = instructions(readFileSync(join(repoRoot, relativePath), 'utf8'));
  const lastFrom = ins.map((x) => x.keyword).lastIndexOf('FROM');
  return ins.slice(lastFrom).filter((x) => x.keyword === 'USER').at(-1)?.args.trim();
}
