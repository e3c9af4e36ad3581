// Streamable HTTP transport rules the SDK client relies on but does not exercise itself.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INITIALIZE_BODY, JSON_HEADERS, rawRequest } from '../../lib/mcp.js';

const T = { timeout: 60_000 };

export default function register(env) {
  const post = (body, extraHeaders = {}) =>
    fetch(env.server.mcpUrl, {
      method: 'POST',
      headers: { ...JSON_HEADERS, Authorization: `Bearer ${env.acme}`, ...extraHeaders },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  describe('streamable HTTP transport rules', () => {
    test('a notification is accepted with 202 and no body', T, async () => {
      const res = await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, { 'MCP-Protocol-Version': '2025-06-18' });
      assert.equal(res.status, 202);
      assert.equal(await res.text(), '');
    });

    test('an unsupported MCP-Protocol-Version header -> 400', T, async () => {
      const res = await post({ jsonrpc: '2.0', id: 3, method: 'tools/list' }, { 'MCP-Protocol-Version': '1999-01-01' });
      assert.equal(res.status, 400, await res.text());
    });

    test('a foreign Origin is rejected with 403 (DNS rebinding protection)', T, async () => {
      const res = await post(INITIALIZE_BODY, { Origin: 'http://evil.example' });
      assert.equal(res.status, 403, await res.text());
    });

    test('a request body over the size limit -> 413', T, async () => {
      // Raw socket with Expect: 100-continue (as curl sends): fetch() cannot read a 413
      // that a server sends before it has read the body.
      const pad = 'x'.repeat(8 * 1024 * 1024);
      const res = await rawRequest(env.server.baseUrl, {
        headerLines: ['Content-Type: application/json', 'Accept: application/json, text/event-stream', `Authorization: Bearer ${env.acme}`],
        body: JSON.stringify({ ...INITIALIZE_BODY, params: { ...INITIALIZE_BODY.params, pad } }),
        expectContinue: true,
      });
      assert.equal(res.status, 413, res.body.slice(0, 200));
    });

    test('GET /api/mcp with a valid token -> 405 or an SSE stream, never 5xx', T, async () => {
      const ac = new AbortController();
      const res = await fetch(env.server.mcpUrl, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${env.acme}`, 'MCP-Protocol-Version': '2025-06-18' },
        signal: ac.signal,
      });
      if (res.status === 200) {
        assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
        ac.abort();
      } else {
        assert.equal(res.status, 405);
        await res.arrayBuffer();
      }
    });
  });
}
