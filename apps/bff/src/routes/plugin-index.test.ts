import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DevpiClient, IndexConfig, type FetchFn } from '@devpi-dashboard/devpi-client';
import { indexListSchema, uploadExplanationSchema, uploadMatrixSchema } from '@devpi-dashboard/dashboard-api';
import { explainUpload } from '../domain/explain-upload.js';
import { indexWarnings } from '../domain/index-warnings.js';
import { uploadVerdict } from '../domain/upload-permission.js';
import { createLogger } from '../logger.js';
import { testConfig } from '../../test/support/test-app.js';
import { indexesRouter } from './indexes.js';
import { resolutionOrder } from '../packages/resolution-order.js';
import { permissionsRouter } from './permissions.js';

/** devpi-constrained's stage subclass: stage keys plus its own `constraints`. */
const constrained = {
  type: 'constrained', volatile: false, bases: ['root/dev'], acl_upload: ['alice'], acl_toxresult_upload: [],
  mirror_whitelist: [], mirror_whitelist_inheritance: 'intersection', constraints: ['requests<3'],
};
/** A hypothetical plugin type without acl_upload: the dashboard cannot judge uploads to it. */
const opaque = { type: 'gateway', volatile: true, upstream: 'elsewhere' };
const dev = { type: 'stage', volatile: true, bases: [], acl_upload: ['root'], acl_toxresult_upload: [], mirror_whitelist: [], mirror_whitelist_inheritance: 'union' };
const listing = {
  root: { username: 'root', indexes: { dev, pinned: constrained, gate: opaque } },
  alice: { username: 'alice', indexes: {} },
};

const devpiAnswering: FetchFn = async (input) => {
  const path = new URL(input).pathname;
  const body = path === '/' ? { type: 'list:userconfig', result: listing }
    : path === '/root/pinned' ? { type: 'indexconfig', result: constrained }
      : path === '/root/gate' ? { type: 'indexconfig', result: opaque }
        : path === '/alice' ? { type: 'userconfig', result: listing.alice }
          : undefined;
  return body === undefined
    ? new Response(JSON.stringify({ message: 'not found' }), { status: 404, headers: { 'Content-Type': 'application/json' } })
    : new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
};

function app() {
  const client = new DevpiClient({ baseUrl: 'http://devpi.test', fetch: devpiAnswering });
  const deps = { config: testConfig('http://devpi.test'), logger: createLogger('silent'), devpiFor: () => client, devpi: client, now: () => 0 };
  return express().use(indexesRouter(deps)).use(permissionsRouter(deps));
}

describe('a plugin index type', () => {
  const pinned = IndexConfig.parse(constrained);
  const gate = IndexConfig.parse(opaque);

  it('with acl_upload is judged like a stage; without it, the plugin decides', () => {
    expect(uploadVerdict('alice', pinned)).toEqual({ allowed: true, reason: 'acl_user' });
    expect(uploadVerdict('bob', pinned)).toEqual({ allowed: false, reason: 'not_listed' });
    expect(uploadVerdict('alice', gate)).toEqual({ allowed: false, reason: 'plugin' });
    expect(explainUpload({ user: 'alice', index: 'root/gate', config: gate, userExists: true }).explanation)
      .toBe('Index type gateway is managed by a plugin: root/gate has no acl_upload, so whether alice may upload is up to that plugin.');
  });

  it('gets stage warnings and follows its bases', () => {
    const configs = new Map([['root/pinned', pinned], ['root/dev', IndexConfig.parse(dev)], ['root/gate', gate]]);
    expect(indexWarnings('root/pinned', pinned, new Set(['root']), configs).map((w) => w.code)).toEqual(['acl_unknown_user', 'volatile_base_of_non_volatile']);
    expect(indexWarnings('root/gate', gate, new Set(['root']), configs)).toEqual([]);
    expect(resolutionOrder('root/pinned', configs).map((r) => [r.name, r.type])).toEqual([['root/pinned', 'constrained'], ['root/dev', 'stage']]);
  });

  it('does not break the index list, the upload matrix or the explainer', async () => {
    const list = indexListSchema.parse((await request(app()).get('/indexes').expect(200)).body);
    expect(list.owners[0]?.indexes.map((ix) => [ix.name, ix.type, ix.aclUpload])).toEqual([
      ['root/dev', 'stage', ['root']], ['root/gate', 'gateway', []], ['root/pinned', 'constrained', ['alice']],
    ]);
    const matrix = uploadMatrixSchema.parse((await request(app()).get('/permissions/upload-matrix').query({ q: 'alice' }).expect(200)).body);
    expect(matrix.rows[0]?.cells.map((c) => [c.index, c.reason])).toEqual([['root/dev', 'not_listed'], ['root/gate', 'plugin'], ['root/pinned', 'acl_user']]);
    const explained = uploadExplanationSchema.parse((await request(app()).get('/permissions/upload-explain').query({ user: 'alice', index: 'root/gate' }).expect(200)).body);
    expect(explained).toMatchObject({ allowed: false, reason: 'plugin', aclUpload: [] });
  });
});
