// MCP 2026-07-28 ("modern": no initialize, per-request _meta, header/body validation) with
// lib/modern-client.js, a client written from the specification; and raw requests for the
// transport's rejection rules. Spec: docs/specification/2026-07-28/ of
// modelcontextprotocol/modelcontextprotocol (basic/transports/streamable-http.mdx,
// basic/index.mdx, basic/versioning.mdx, server/discover.mdx, server/utilities/caching.mdx,
// server/resources.mdx). The legacy revisions keep working on the same endpoint.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { redactSecrets } from '../../lib/admin.js';
import { McpError, SEVERITY_RANK, UUID_PATTERN, withClient } from '../../lib/mcp.js';
import {
  ErrorCodes,
  META,
  MODERN_VERSION,
  ModernClient,
  ModernRpcError,
  modernHeaders,
  modernMeta,
  rawModernPost,
} from '../../lib/modern-client.js';

const EXPECTED_TOOLS = ['get_insight', 'get_issue', 'get_signal', 'list_insights', 'list_issues', 'list_signals'];
const LEGACY_SUPPORTED = ['2025-11-25', '2025-06-18', '2025-03-26'];
const T = { timeout: 60_000 };

/** A failure message with what was exchanged (requests and answers; never the token). */
function transcript(client) {
  const cut = (value, n) => {
    const text = JSON.stringify(value) ?? '';
    return text.length > n ? `${text.slice(0, n)}…` : text;
  };
  return redactSecrets(
    client.exchanges
      .map((e, i) => {
        const { message, text, ...status } = e.response ?? {};
        return `#${i + 1} ${cut(e.request.headers, 400)} ${cut(e.request.body, 400)}\n   -> ${cut(status, 200)} ${cut(message ?? text, 600)}`;
      })
      .slice(-6)
      .join('\n'),
  );
}

/** Runs `fn(client)` and appends the client's exchanges to any failure. */
async function withModern(env, fn, options = {}) {
  const client = new ModernClient(env.server.mcpUrl, { token: env.acme, ...options });
  try {
    return await fn(client);
  } catch (err) {
    err.message = `${err.message}\n--- exchanges ---\n${transcript(client)}`;
    throw err;
  }
}

function assertCacheable(result, where) {
  assert.ok(Number.isInteger(result.ttlMs) && result.ttlMs >= 0, `${where}: ttlMs is an integer >= 0, got ${JSON.stringify(result.ttlMs)}`);
  assert.equal(result.cacheScope, 'private', `${where}: cacheScope "private" (the data depends on the token's organization)`);
}

let rawId = 1000;

/**
 * One raw modern request: the correct headers and body for `method`, then `headers`
 * overrides (null removes a header) and `meta` in place of the whole _meta.
 */
async function rawModern(env, { method, params = {}, meta = modernMeta(), headers = {} }) {
  const id = rawId++;
  const body = { jsonrpc: '2.0', id, method, params: { ...params, _meta: meta } };
  const base = modernHeaders({ token: env.acme, version: MODERN_VERSION, method, params });
  const res = await rawModernPost(env.server.mcpUrl, { headers: { ...base, ...headers }, body });
  const sentHeaders = { ...base, ...headers };
  delete sentHeaders.Authorization;
  res.describe = () => redactSecrets(`request headers ${JSON.stringify(sentHeaders)} body ${JSON.stringify(body)}\n-> HTTP ${res.status} ${res.contentType}: ${res.text.slice(0, 500)}`);
  res.id = id;
  return res;
}

function assertRpcError(res, status, code, { sameId = true } = {}) {
  assert.equal(res.status, status, `HTTP ${status} expected\n${res.describe()}`);
  assert.ok(res.json?.error, `a JSON-RPC error body\n${res.describe()}`);
  assert.equal(res.json.error.code, code, `JSON-RPC error ${code} expected\n${res.describe()}`);
  assert.equal(res.json.jsonrpc, '2.0');
  assert.equal(typeof res.json.error.message, 'string');
  if (sameId) assertSameId(res);
}

/**
 * basic/index.mdx: "Error responses MUST include the same ID as the request they correspond
 * to (except in error cases where the ID could not be read due a malformed request)"; the
 * 2026-07-28 schema has `id?: RequestId` (string | number): omitted or the id, never null.
 */
function assertSameId(res) {
  assert.equal(res.json.id, res.id, `the error carries the request id\n${res.describe()}`);
}

function assertResult(res) {
  assert.equal(res.status, 200, res.describe());
  assert.ok(res.json?.result, `a JSON-RPC result\n${res.describe()}`);
  assert.equal(res.json.id, res.id);
  return res.json.result;
}

export default function register(env) {
  describe('MCP 2026-07-28 (modern) with a spec-written client, no initialize', () => {
    test('server/discover: versions, capabilities, serverInfo and caching hints', T, async () => {
      await withModern(env, async (client) => {
        const result = await client.discover();
        assert.equal(result.resultType, 'complete');
        assert.ok(Array.isArray(result.supportedVersions), 'supportedVersions is an array');
        for (const v of [MODERN_VERSION, ...LEGACY_SUPPORTED]) {
          assert.ok(result.supportedVersions.includes(v), `supportedVersions includes ${v}: ${JSON.stringify(result.supportedVersions)}`);
        }
        assert.equal(typeof result.capabilities, 'object');
        assert.ok(result.capabilities.tools, 'capabilities.tools');
        const serverInfo = result._meta?.[META.serverInfo];
        assert.ok(typeof serverInfo?.name === 'string' && serverInfo.name.length > 0, `_meta["${META.serverInfo}"].name`);
        assertCacheable(result, 'server/discover');
      });
    });

    test('a modern answer mints no session (no Mcp-Session-Id)', T, async () => {
      const res = await rawModern(env, { method: 'server/discover' });
      assertResult(res);
      assert.equal(res.headers.get('mcp-session-id'), null, 'no Mcp-Session-Id header on a modern answer');
    });

    test('tools/list: the six tools, resultType complete, ttlMs, cacheScope private', T, async () => {
      await withModern(env, async (client) => {
        const result = await client.listTools();
        assert.equal(result.resultType, 'complete');
        assert.deepEqual(result.tools.map((t) => t.name).sort(), EXPECTED_TOOLS);
        assert.deepEqual(client.rejectedTools, [], 'no tool definition is invalid (x-mcp-header)');
        for (const tool of result.tools) assert.equal(tool.annotations?.readOnlyHint, true, `${tool.name}: readOnlyHint`);
        assertCacheable(result, 'tools/list');
      });
    });

    test('tools/call list_issues then get_issue (an id from the list): real acme data', T, async () => {
      await withModern(env, async (client) => {
        await client.listTools();
        const list = await client.callTool('list_issues', { limit: 5 });
        assert.equal(list.resultType, 'complete');
        assert.equal(list.isError ?? false, false, JSON.stringify(list.content));
        const { issues } = list.structuredContent;
        assert.ok(issues.length > 0 && issues.length <= 5, `1..5 issues, got ${issues.length}`);
        for (const issue of issues) {
          assert.match(issue.id, UUID_PATTERN);
          assert.equal(issue.status, 'unresolved');
          assert.ok(issue.severity in SEVERITY_RANK);
        }
        const first = issues[0];
        const got = await client.callTool('get_issue', { id: first.id });
        assert.equal(got.resultType, 'complete');
        assert.equal(got.isError ?? false, false, JSON.stringify(got.content));
        assert.equal(got.structuredContent.id, first.id);
        assert.equal(got.structuredContent.title, first.title);
        assert.ok(Array.isArray(got.structuredContent.timeline) && got.structuredContent.timeline.length > 0, 'timeline');
        assert.ok(got.content?.[0]?.type === 'text' && got.content[0].text.includes(first.id), 'text block');
        const call = client.exchanges.at(-1).request.headers;
        assert.equal(call['Mcp-Name'], 'get_issue', 'the client sent Mcp-Name');
      });
    });

    test('resources/read lucent://issues/<id>; an unknown id is -32602 (2026-07-28), not -32002', T, async () => {
      await withModern(env, async (client) => {
        const list = await client.callTool('list_issues', { limit: 1 });
        const id = list.structuredContent.issues[0].id;
        const uri = `lucent://issues/${id}`;
        const read = await client.readResource(uri);
        assert.equal(read.resultType, 'complete');
        assert.ok(Array.isArray(read.contents) && read.contents.length === 1, 'one content');
        assert.equal(read.contents[0].uri, uri);
        assert.equal(read.contents[0].mimeType, 'application/json');
        const fenced = /\n<untrusted-data-([0-9a-f]{16})>\n([\s\S]*)\n<\/untrusted-data-\1>$/.exec(read.contents[0].text);
        assert.ok(fenced, `the text is fenced JSON: ${read.contents[0].text.slice(0, 200)}`);
        assert.equal(JSON.parse(fenced[2]).id, id);
        assertCacheable(read, 'resources/read'); // caching.mdx: MUST on resources/read results

        const unknown = `lucent://issues/${randomUUID()}`;
        const err = await client.readResource(unknown).then(
          (r) => assert.fail(`expected an error, got ${JSON.stringify(r).slice(0, 300)}`),
          (e) => e,
        );
        assert.ok(err instanceof ModernRpcError, String(err));
        assert.equal(err.code, ErrorCodes.InvalidParams, `resource not found is -32602 in 2026-07-28: ${err.message}`);
      });
    });

    test('an SSE answer is read too (Accept: text/event-stream only, so the server streams)', T, async () => {
      await withModern(
        env,
        async (client) => {
          const result = await client.discover();
          assert.equal(client.exchanges[0].response.contentType.split(';')[0], 'text/event-stream');
          assert.equal(result.resultType, 'complete');
          assert.ok(result.supportedVersions.includes(MODERN_VERSION));
          const tools = await client.listTools();
          assert.deepEqual(tools.tools.map((t) => t.name).sort(), EXPECTED_TOOLS);
        },
        { accept: 'text/event-stream' },
      );
    });

    test('version negotiation: a client preferring 2099-01-01 gets -32022 and retries with 2026-07-28', T, async () => {
      await withModern(
        env,
        async (client) => {
          const result = await client.listTools();
          assert.deepEqual(result.tools.map((t) => t.name).sort(), EXPECTED_TOOLS);
          assert.equal(client.version, MODERN_VERSION, 'the negotiated version');
          assert.equal(client.exchanges.length, 2, 'one refused request, one retry');
          const [refused, retried] = client.exchanges;
          assert.equal(refused.request.headers['MCP-Protocol-Version'], '2099-01-01');
          assert.equal(refused.response.status, 400);
          const error = refused.response.message.error;
          assert.equal(error.code, ErrorCodes.UnsupportedProtocolVersion);
          assert.ok(error.data.supported.includes(MODERN_VERSION), `data.supported: ${JSON.stringify(error.data)}`);
          assert.equal(error.data.requested, '2099-01-01');
          assert.equal(retried.request.headers['MCP-Protocol-Version'], MODERN_VERSION);
          assert.equal(retried.request.body.params._meta[META.protocolVersion], MODERN_VERSION);
          await client.discover();
          assert.equal(client.exchanges.length, 3, 'the negotiated version is kept: no second refusal');
        },
        { versions: ['2099-01-01', MODERN_VERSION] },
      );
    });
  });

  describe('MCP 2026-07-28 request validation (raw requests)', () => {
    test('Mcp-Method differing from the body method -> 400, -32020 HeaderMismatch', T, async () => {
      assertRpcError(await rawModern(env, { method: 'tools/list', headers: { 'Mcp-Method': 'server/discover' } }), 400, ErrorCodes.HeaderMismatch);
    });

    test('no Mcp-Method header -> 400, -32020', T, async () => {
      assertRpcError(await rawModern(env, { method: 'tools/list', headers: { 'Mcp-Method': null } }), 400, ErrorCodes.HeaderMismatch);
    });

    test('tools/call: Mcp-Name differing from params.name (plain or Base64) or missing -> 400, -32020', T, async () => {
      const params = { name: 'list_issues', arguments: { limit: 1 } };
      const encodedOther = `=?base64?${Buffer.from('get_issue').toString('base64')}?=`;
      for (const value of ['get_issue', encodedOther, null]) {
        const res = await rawModern(env, { method: 'tools/call', params, headers: { 'Mcp-Name': value } });
        assertRpcError(res, 400, ErrorCodes.HeaderMismatch);
      }
    });

    test('tools/call: a Base64-sentinel Mcp-Name that decodes to params.name is accepted', T, async () => {
      const params = { name: 'list_issues', arguments: { limit: 1 } };
      const encoded = `=?base64?${Buffer.from('list_issues').toString('base64')}?=`;
      const result = assertResult(await rawModern(env, { method: 'tools/call', params, headers: { 'Mcp-Name': encoded } }));
      assert.equal(result.resultType, 'complete');
      assert.equal(result.isError ?? false, false);
      assert.equal(result.structuredContent.issues.length, 1);
    });

    test('MCP-Protocol-Version header differing from _meta protocolVersion -> 400, -32020', T, async () => {
      const res = await rawModern(env, { method: 'tools/list', meta: modernMeta({ version: LEGACY_SUPPORTED[0] }) });
      assertRpcError(res, 400, ErrorCodes.HeaderMismatch);
    });

    test('_meta protocolVersion 1900-01-01 (header alike) -> 400, -32022 with data.supported and data.requested', T, async () => {
      const res = await rawModern(env, {
        method: 'tools/list',
        meta: modernMeta({ version: '1900-01-01' }),
        headers: { 'MCP-Protocol-Version': '1900-01-01' },
      });
      assertRpcError(res, 400, ErrorCodes.UnsupportedProtocolVersion, { sameId: false }); // the id: next test
      const { data } = res.json.error;
      assert.ok(Array.isArray(data?.supported) && data.supported.includes(MODERN_VERSION), `data.supported\n${res.describe()}`);
      for (const v of LEGACY_SUPPORTED) assert.ok(data.supported.includes(v), `data.supported includes ${v}`);
      assert.equal(data.requested, '1900-01-01');
    });

    test('the -32022 answer to a well-formed request carries its id (not null)', T, async () => {
      const res = await rawModern(env, {
        method: 'tools/list',
        meta: modernMeta({ version: '1900-01-01' }),
        headers: { 'MCP-Protocol-Version': '1900-01-01' },
      });
      assert.equal(res.json?.error?.code, ErrorCodes.UnsupportedProtocolVersion, res.describe());
      assertSameId(res);
    });

    test('a modern request without io.modelcontextprotocol/clientCapabilities -> 400, -32602', T, async () => {
      const meta = modernMeta();
      delete meta[META.clientCapabilities];
      assertRpcError(await rawModern(env, { method: 'tools/list', meta }), 400, ErrorCodes.InvalidParams);
    });

    test('an unknown method -> 404, -32601', T, async () => {
      assertRpcError(await rawModern(env, { method: 'lucent/no-such-method' }), 404, ErrorCodes.MethodNotFound);
    });

    for (const method of ['initialize', 'ping']) {
      test(`${method} as a modern request -> 404, -32601 (not a 2026-07-28 method)`, T, async () => {
        const params =
          method === 'initialize'
            ? { protocolVersion: MODERN_VERSION, capabilities: {}, clientInfo: { name: 'raw', version: '0' } }
            : {};
        assertRpcError(await rawModern(env, { method, params }), 404, ErrorCodes.MethodNotFound);
      });
    }
  });

  describe('legacy and modern side by side on one endpoint', () => {
    test('an SDK (2025-11-25) session and the modern client interleave; resource not found stays -32002 for legacy', T, async () => {
      await withClient(env.server.mcpUrl, env.acme, async (legacy) => {
        const before = await legacy.listTools();
        await withModern(env, async (modern) => {
          const tools = await modern.listTools();
          assert.equal(tools.tools.length, before.tools.length);
        });
        const err = await legacy.readResource({ uri: `lucent://issues/${randomUUID()}` }).then(
          (r) => assert.fail(`expected an error, got ${JSON.stringify(r).slice(0, 300)}`),
          (e) => e,
        );
        assert.ok(err instanceof McpError, String(err));
        assert.equal(err.code, -32002, `legacy revisions keep -32002 Resource not found: ${err.message}`);
        const after = await legacy.callTool({ name: 'list_issues', arguments: { limit: 1 } });
        assert.notEqual(after.isError, true);
        assert.equal(legacy.transport.protocolVersion, '2025-11-25');
      });
    });
  });
}
