import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { envelope, ErrorBody, MessageBody } from './schemas/envelope.js';
import { ActionLog, ReleaseFileMeta } from './schemas/files.js';
import { IndexConfig } from './schemas/index-config.js';
import { ProjectConfig, VersionData } from './schemas/project.js';
import { ApiConfig, ProxyAuth, Status } from './schemas/server.js';
import { Pep691Index, Pep691Project } from './schemas/simple.js';
import { RootListing, UserConfig } from './schemas/user.js';
import { loadTranscript, transcriptFiles, type Transcript } from './test-support/transcripts.js';

/** The schema for every envelope `type` API.md lists. */
const BY_TYPE: Record<string, z.ZodType> = {
  'list:userconfig': envelope('list:userconfig', RootListing),
  userconfig: envelope('userconfig', UserConfig),
  indexconfig: envelope('indexconfig', IndexConfig),
  projectconfig: envelope('projectconfig', ProjectConfig),
  versiondata: envelope('versiondata', VersionData),
  apiconfig: envelope('apiconfig', ApiConfig),
  proxyauth: envelope('proxyauth', ProxyAuth),
  userpassword: envelope('userpassword', ProxyAuth),
  status: envelope('status', Status),
  releasefilemeta: envelope('releasefilemeta', ReleaseFileMeta),
  actionlog: envelope('actionlog', ActionLog),
};

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

const jsonTranscripts = transcriptFiles()
  .map((file) => loadTranscript(file))
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
