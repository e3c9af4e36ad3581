// The legacy HTTP+SSE transport is not served: a clear error pointing to /api/mcp.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

const T = { timeout: 60_000 };

function assertPointsToStreamableHttp(res, text) {
  assert.ok(res.status >= 400 && res.status < 500, `4xx, got ${res.status}`);
  assert.notEqual(res.status, 404, 'not a plain 404');
  assert.doesNotMatch(res.headers.get('content-type') ?? '', /text\/html/, 'not an HTML page');
  assert.ok(text.includes('/api/mcp'), `body mentions /api/mcp: ${text.slice(0, 300)}`);
  assert.match(text, /streamable HTTP/i, `body mentions "streamable HTTP": ${text.slice(0, 300)}`);
}

export default function register(env) {
  describe('legacy SSE endpoints', () => {
    test('GET /api/sse -> 4xx naming /api/mcp and the streamable HTTP transport', T, async () => {
      const res = await fetch(`${env.server.baseUrl}/api/sse`, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${env.acme}` },
      });
      assertPointsToStreamableHttp(res, await res.text());
    });

    test('POST /api/message -> 4xx naming /api/mcp and the streamable HTTP transport', T, async () => {
      const res = await fetch(`${env.server.baseUrl}/api/message`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
          Authorization: `Bearer ${env.acme}`,
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      assertPointsToStreamableHttp(res, await res.text());
    });
  });
}
