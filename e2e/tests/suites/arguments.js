// Bad arguments: the official SDK client speaks 2025-11-25, where (SEP-1303) an argument that fails validation is a
// tool result with isError: true whose text names the argument, so that the model can correct itself. An unknown
// tool stays a JSON-RPC error -32602. (2025-03-26 and 2025-06-18 keep -32602 for arguments too: see the Java tests.)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { callTool, expectMcpError, textOf, withClient } from '../../lib/mcp.js';

const T = { timeout: 60_000 };

const CASES = [
  { tool: 'list_issues', args: { org_id: 'globex' }, names: /org_id/, why: 'org_id is not an argument: the org comes from the token' },
  { tool: 'list_issues', args: { limit: 500 }, names: /limit/, why: 'limit above 100' },
  { tool: 'list_issues', args: { limit: 0 }, names: /limit/, why: 'limit below 1' },
  { tool: 'list_issues', args: { status: 'open' }, names: /status/, why: 'unknown status' },
  { tool: 'list_issues', args: { cursor: 'not-a-real-cursor!!' }, names: /cursor/, why: 'invalid cursor' },
  { tool: 'list_issues', args: { fields: ['title', 'org'] }, names: /fields/, why: 'unknown field' },
  { tool: 'list_signals', args: { cursor: 'AAAA' }, names: /cursor/, why: 'invalid cursor' },
  { tool: 'get_issue', args: { id: 'not-a-uuid' }, names: /\bid\b/, why: 'id is not a UUID' },
  { tool: 'get_issue', args: {}, names: /\bid\b/, why: 'id is required' },
  { tool: 'summarize_issues', args: { group_by: 'team' }, names: /group_by/, why: 'unknown grouping' },
];

export default function register(env) {
  describe('invalid arguments -> a tool result with isError naming the argument (2025-11-25)', () => {
    for (const c of CASES) {
      test(`${c.tool} ${JSON.stringify(c.args)} (${c.why})`, T, async () => {
        await withClient(env.server.mcpUrl, env.acme, async (client) => {
          const result = await callTool(client, c.tool, c.args);
          assert.equal(result.isError, true, `expected isError: ${JSON.stringify(result).slice(0, 300)}`);
          const text = textOf(result);
          assert.match(text, c.names, `the message names the argument: ${text}`);
          assert.doesNotMatch(text, /\bat [\w.$]+\(|Exception/, 'no stack trace or exception class in the message');
          assert.equal(result.structuredContent, undefined);
        });
      });
    }

    test('an unknown tool is a JSON-RPC error -32602', T, async () => {
      await withClient(env.server.mcpUrl, env.acme, async (client) => {
        const err = await expectMcpError(client.callTool({ name: 'delete_issue', arguments: {} }));
        assert.equal(err.code, ErrorCode.InvalidParams, `${err.code}: ${err.message}`);
      });
    });
  });
}
