import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangeFiles, TOKEN_TRANSCRIPT_DIR, TRANSCRIPT_DIR } from '../src/index.js';

function shapeOf(file: string): { name: unknown; status: unknown; method: unknown } {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof json !== 'object' || json === null || !('request' in json) || !('response' in json)) throw new Error(`${file}: not an exchange`);
  const { request, response } = json as { request: { method?: unknown }; response: { status?: unknown } };
  return { name: 'name' in json ? json.name : undefined, status: response.status, method: request.method };
}

describe('vendored ground truth', () => {
  it.each([
    ['devpi-server + devpi-web', TRANSCRIPT_DIR, 187],
    ['devpi-server + devpi-tokens', TOKEN_TRANSCRIPT_DIR, 114],
  ])('holds every %s exchange, each a request and a response', (_label, dir, count) => {
    const files = exchangeFiles(dir);
    expect(files).toHaveLength(count);
    for (const file of files) {
      const shape = shapeOf(file);
      expect(typeof shape.method, basename(file)).toBe('string');
      expect(typeof shape.status, basename(file)).toBe('number');
      expect(basename(file)).toContain(String(shape.name));
    }
  });
});
