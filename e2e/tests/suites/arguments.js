// Bad arguments are JSON-RPC errors -32602 whose message names the argument.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { callTool, expectMcpError, withClient } from '../../lib/mcp.js';

const T = { timeout: 60_000 };

const CASES = [
  { tool: 'list_issues', args: { org_id: 'globex' }, names: /org_id/, why: 'org_id is not an argument: the org comes from the token' },
  { tool: 'list_issues', args: { limit: 500 }, names: /limit/, why: 'limit above 100' },
  { tool: 'list_issues', args: { limit: 0 }, names: /limit/, why: 'limit below 1' },
  { tool: 'list_issues', args: { status: 'open' }, names: /status/, why: 'unknown status' },
  { tool: 'list_issues', args: { cursor: 'not-a-real-cursor!!' }, names: /cursor/, why: 'invalid cursor' },
  { tool: 'list_signals', args: { cursor: 'AAAA' }, names: /cursor/, why: 'invalid cursor' },
  { tool: 'get_issue', args: { id: 'not-a-uuid' }, names: /\bid\b/, why: 'id is not a UUID' },
  { tool: 'get_issue', args: {}, names: /\bid\b/, why: 'id is required' },
];

export default function register(env) {
  describe('invalid arguments -> JSON-RPC error -32602 naming the argument', () => {
    for (const c of CASES) {
      test(`${c.tool} ${JSON.stringify(c.args)} (${c.why})`, T, async () => {
        await withClient(env.server.mcpUrl, env.acme, async (client) => {
          const err = await expectMcpError(callTool(client, c.tool, c.args));
          assert.equal(err.code, ErrorCode.InvalidParams, `code -32602, got ${err.code}: ${err.message}`);
          assert.match(err.message, c.names, `the message names the argument: ${err.message}`);
          assert.doesNotMatch(err.message, /\bat [\w.$]+\(|Exception/, 'no stack trace or exception class in the message');
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
