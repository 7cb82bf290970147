import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Answer } from './schemas/answers.js';
import { ErrorBody, MessageBody } from './schemas/envelope.js';
import { IndexConfig } from './schemas/index-config.js';
import { Pep691Index, Pep691Project } from './schemas/simple.js';
import { TOKEN_TRANSCRIPT_DIR } from '@devpi-dashboard/devpi-ground-truth';
import { loadTranscript, TRANSCRIPT_DIR, transcriptFiles, type Transcript } from './test-support/transcripts.js';

/** The schema for every envelope `type` API.md and API-tokens.md list. */
const BY_TYPE: Record<string, z.ZodType> = Answer;

function schemaFor(t: Transcript): z.ZodType | undefined {
  const body = t.response.body;
  const type = t.response.headers['Content-Type'] ?? '';
  if (type.startsWith('application/vnd.pypi.simple.v1+json')) {
    return typeof body === 'object' && body !== null && 'projects' in body ? Pep691Index : Pep691Project;
  }
  if (!type.startsWith('application/json') || typeof body !== 'object' || body === null) return undefined;
  if ('type' in body && typeof body.type === 'string') return BY_TYPE[body.type];
  return t.response.status >= 400 || t.response.status === 302 ? ErrorBody : MessageBody;
}

// The core recording and the devpi-tokens one (whose server answers the core types too).
const jsonTranscripts = [TRANSCRIPT_DIR, TOKEN_TRANSCRIPT_DIR]
  .flatMap((dir) => transcriptFiles(dir).map((file) => loadTranscript(file, dir)))
  .map((t) => [t.name, t, schemaFor(t)] as const)
  .filter((entry): entry is readonly [string, Transcript, z.ZodType] => entry[2] !== undefined);

describe('schemas against every recorded JSON response', () => {
  it('covers every envelope type devpi answered with', () => {
    const types = new Set(jsonTranscripts.map(([, t]) => t.response.body).flatMap((body) => (typeof body === 'object' && body !== null && 'type' in body ? [body.type] : [])));
    expect([...types].sort()).toEqual(Object.keys(BY_TYPE).sort());
    expect(jsonTranscripts.length).toBeGreaterThanOrEqual(146);
  });

  it.each(jsonTranscripts)('%s parses and round-trips unchanged', (_name, t, schema) => {
    // Loose objects keep every key, so what devpi sent is exactly what the parsed value holds.
    expect(schema.parse(t.response.body)).toEqual(t.response.body);
  });
});

describe('index configs keep plugin keys', () => {
  it('round-trips unknown keys of stages and mirrors', () => {
    const stage = { type: 'stage', volatile: true, bases: [], acl_upload: ['a'], acl_toxresult_upload: [], mirror_whitelist: [], mirror_whitelist_inheritance: 'union', pkg_read: [':ANONYMOUS:'], constraints: ['x<2'] };
    const mirror = { type: 'mirror', volatile: false, mirror_url: 'https://pypi.org/simple/', mirror_whitelist_custom: { a: 1 } };
    expect(IndexConfig.parse(stage)).toEqual(stage);
    expect(IndexConfig.parse(mirror)).toEqual(mirror);
  });

  it('refuses configs that miss what devpi always sends', () => {
    expect(IndexConfig.safeParse({ type: 'mirror', volatile: true }).success).toBe(false);
    expect(IndexConfig.safeParse({ type: 'stage', volatile: true }).success).toBe(false);
  });
});
