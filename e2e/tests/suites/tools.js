import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withClient } from '../../lib/mcp.js';

const EXPECTED_TOOLS = ['get_insight', 'get_issue', 'get_signal', 'list_insights', 'list_issues', 'list_signals',
  'summarize_insights', 'summarize_issues'];
const T = { timeout: 60_000 };

/** Extracts the JSON-RPC message from a JSON or an SSE response body. */
export function parseRpcBody(text, contentType) {
  if ((contentType ?? '').includes('text/event-stream')) {
    const data = text
      .split(/\r?\n/)
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trim())
      .filter((l) => l.length > 0);
    assert.ok(data.length > 0, `no data: line in SSE body: ${text.slice(0, 300)}`);
    return JSON.parse(data[data.length - 1]);
  }
  return JSON.parse(text);
}

export default function register(env) {
  describe('tools/list with the official SDK client', () => {
    test('exactly the eight read-only tools, each with title, readOnlyHint, closed inputSchema and outputSchema', T, async () => {
      await withClient(env.server.mcpUrl, env.acme, async (client) => {
        const { tools, nextCursor } = await client.listTools();
        assert.deepEqual(tools.map((t) => t.name).sort(), EXPECTED_TOOLS);
        assert.equal(nextCursor, undefined, 'the eight tools fit on one page');
        for (const tool of tools) {
          const where = `tool ${tool.name}`;
          assert.equal(typeof tool.title, 'string', `${where}: title`);
          assert.ok(tool.title.trim().length > 0, `${where}: non-empty title`);
          assert.ok(typeof tool.description === 'string' && tool.description.trim().length > 0, `${where}: description`);
          assert.equal(tool.annotations?.readOnlyHint, true, `${where}: annotations.readOnlyHint`);
          assert.equal(tool.inputSchema?.type, 'object', `${where}: inputSchema.type`);
          assert.equal(tool.inputSchema.additionalProperties, false, `${where}: inputSchema.additionalProperties`);
          assert.equal(typeof tool.outputSchema, 'object', `${where}: outputSchema`);
          assert.equal(tool.outputSchema?.type, 'object', `${where}: outputSchema.type`);
        }
        const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
        for (const name of ['get_issue', 'get_signal', 'get_insight']) {
          assert.deepEqual(byName[name].inputSchema.required, ['id'], `${name} requires id`);
        }
        assert.ok(!('org_id' in (byName.list_issues.inputSchema.properties ?? {})), 'no org_id argument anywhere');
        assert.deepEqual(client.transportErrors, [], 'no transport errors (e.g. on the GET stream)');
      });
    });

    test('the SDK negotiates its latest protocol revision and the server advertises tools', T, async () => {
      await withClient(env.server.mcpUrl, env.acme, async (client) => {
        assert.ok(client.getServerVersion()?.name, 'serverInfo.name');
        assert.ok(client.getServerCapabilities()?.tools, 'capabilities.tools');
        assert.equal(client.transport.protocolVersion, '2025-11-25');
        await client.ping();
      });
    });

    for (const version of ['2025-11-25', '2025-06-18', '2025-03-26']) {
      test(`initialize with protocolVersion ${version} is answered with the same revision`, T, async () => {
        const res = await fetch(env.server.mcpUrl, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json, text/event-stream',
            Authorization: `Bearer ${env.acme}`,
          },
          body: JSON.stringify({
            jsonrpc: '2.0',
            id: 7,
            method: 'initialize',
            params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
          }),
        });
        const text = await res.text();
        assert.equal(res.status, 200, text);
        const msg = parseRpcBody(text, res.headers.get('content-type'));
        assert.equal(msg.id, 7);
        assert.equal(msg.result?.protocolVersion, version);
      });
    }
  });
}
