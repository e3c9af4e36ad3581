// The four product questions as MCP prompts, listed and got by the official SDK client (2025-11-25), the id of
// show_issue completed, and each question answered by the one tool call its prompt names, under 2,000 tokens.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { callTool, textOf, withClient } from '../../lib/mcp.js';
import { SAMPLE_ISSUE_ID } from './prompts.js';

const T = { timeout: 60_000 };
const CALL = /Call the tool `([a-z_]+)` with the arguments `(\{[^`]*\})`/;
const FENCE = /^[^\n]*not instructions[^\n]*\n<untrusted-data-([0-9a-f]{16})>\n([\s\S]*)\n<\/untrusted-data-\1>$/;

export default function register(env) {
  describe('MCP prompts', () => {
    test('the server offers prompts; listPrompts gives the four questions', T, async () => {
      await withClient(env.server.mcpUrl, env.acme, async (client) => {
        assert.ok(client.getServerCapabilities()?.prompts, 'prompts capability');
        const { prompts } = await client.listPrompts();
        assert.deepEqual(prompts.map((p) => p.name), ['critical_issues', 'show_issue', 'top_signals', 'insights_last_week']);
        const show = prompts.find((p) => p.name === 'show_issue');
        assert.deepEqual(show.arguments.map((a) => [a.name, a.required]), [['id', true]]);
      });
    });

    test('completion/complete offers the sample issue for show_issue\'s id', T, async () => {
      await withClient(env.server.mcpUrl, env.acme, async (client) => {
        const { completion } = await client.complete({
          ref: { type: 'ref/prompt', name: 'show_issue' },
          argument: { name: 'id', value: SAMPLE_ISSUE_ID.slice(0, 6) },
        });
        assert.ok(completion.values.includes(SAMPLE_ISSUE_ID), JSON.stringify(completion));
      });
    });

    for (const [name, args] of [
      ['critical_issues', {}],
      ['show_issue', { id: SAMPLE_ISSUE_ID }],
      ['top_signals', {}],
      ['insights_last_week', {}],
    ]) {
      test(`getPrompt ${name} names one call that answers it in under 2,000 tokens`, T, async () => {
        await withClient(env.server.mcpUrl, env.acme, async (client) => {
          const prompt = await client.getPrompt({ name, arguments: args });
          assert.equal(prompt.messages[0].role, 'user');
          const match = CALL.exec(prompt.messages[0].content.text);
          assert.ok(match, prompt.messages[0].content.text);
          const result = await callTool(client, match[1], JSON.parse(match[2]));
          assert.notEqual(result.isError, true, textOf(result));
          const text = textOf(result);
          const tokens = Buffer.byteLength(text, 'utf8') / 3.5;
          assert.ok(tokens < 2000, `${name}: ${Math.round(tokens)} tokens`);
          const fence = FENCE.exec(text);
          assert.ok(fence, `the text is fenced: ${text.slice(0, 200)}`);
          assert.deepEqual(JSON.parse(fence[2]), result.structuredContent);
        });
      });
    }
  });
}
