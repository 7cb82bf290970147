import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rewriteForwardHeaders } from './forward-headers.js';

describe('rewriteForwardHeaders', () => {
  it('drops client credentials, forwarding claims and hop-by-hop headers', () => {
    const headers: IncomingHttpHeaders = {
      accept: 'application/json',
      'content-type': 'application/json',
      'x-devpi-auth': 'client-chosen',
      authorization: 'Basic x',
      cookie: 'devpi_dashboard_session=abc',
      'x-outside-url': 'http://evil',
      'x-forwarded-for': '1.2.3.4',
      'x-forwarded-host': 'evil',
      'x-forwarded-proto': 'https',
      forwarded: 'for=1.2.3.4',
      connection: 'close, x-custom-hop',
      'x-custom-hop': '1',
      'keep-alive': 'timeout=5',
      te: 'trailers',
      upgrade: 'websocket',
      'proxy-authorization': 'Basic y',
      expect: '100-continue',
    };
    rewriteForwardHeaders(headers, { devpiAuth: undefined, outsideUrl: undefined });
    expect(headers).toEqual({ accept: 'application/json', 'content-type': 'application/json', connection: 'keep-alive' });
  });

  it('adds the session credentials and the outside URL', () => {
    const headers: IncomingHttpHeaders = { 'x-devpi-auth': 'client-chosen' };
    rewriteForwardHeaders(headers, { devpiAuth: 'c2Vzc2lvbg==', outsideUrl: 'https://pypi.example.com' });
    expect(headers['x-devpi-auth']).toBe('c2Vzc2lvbg==');
    expect(headers['x-outside-url']).toBe('https://pypi.example.com');
  });
});
