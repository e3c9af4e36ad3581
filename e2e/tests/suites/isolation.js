// Organization isolation on real data: the org comes only from the token.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { callTool, collectAll, textOf, withClient } from '../../lib/mcp.js';
import { SAMPLE_ISSUE_ID } from './prompts.js';

const T = { timeout: 120_000 };

async function allIds(mcpUrl, token, tool, args, key) {
  return withClient(mcpUrl, token, async (client) => {
    const { items } = await collectAll(client, tool, { ...args, limit: 100 }, key);
    return items.map((i) => i.id);
  });
}

export default function register(env) {
  describe('organization isolation (acme vs globex)', () => {
    const seen = {};

    test('acme and globex issue id sets are disjoint (and both non-empty)', T, async () => {
      seen.acmeIssues = await allIds(env.server.mcpUrl, env.acme, 'list_issues', { status: 'all' }, 'issues');
      seen.globexIssues = await allIds(env.server.mcpUrl, env.globex, 'list_issues', { status: 'all' }, 'issues');
      assert.ok(seen.acmeIssues.length > 0, 'acme has issues');
      assert.ok(seen.globexIssues.length > 0, 'globex has issues');
      const acme = new Set(seen.acmeIssues);
      const shared = seen.globexIssues.filter((id) => acme.has(id));
      assert.deepEqual(shared, [], 'no issue is visible to both orgs');
      assert.ok(acme.has(SAMPLE_ISSUE_ID), 'the sample issue belongs to acme');
    });

    test('acme cannot get a globex issue: tool result isError (not found)', T, async () => {
      const globexIssue = seen.globexIssues?.[0];
      assert.ok(globexIssue, 'needs a globex issue id from the previous test');
      await withClient(env.server.mcpUrl, env.acme, async (client) => {
        const result = await callTool(client, 'get_issue', { id: globexIssue });
        assert.equal(result.isError, true, `expected isError, got ${JSON.stringify(result).slice(0, 400)}`);
        assert.match(textOf(result), /not\s*found|no such|does not exist|no issue/i, 'the message says the issue was not found');
      });
    });

    test(`globex cannot get acme issue ${SAMPLE_ISSUE_ID}: tool result isError`, T, async () => {
      await withClient(env.server.mcpUrl, env.globex, async (client) => {
        const result = await callTool(client, 'get_issue', { id: SAMPLE_ISSUE_ID });
        assert.equal(result.isError, true, `expected isError, got ${JSON.stringify(result).slice(0, 400)}`);
        assert.doesNotMatch(JSON.stringify(result), /"title"\s*:/, 'no issue data leaks in the error result');
      });
    });

    test('another org\'s issue is indistinguishable from a nonexistent one', T, async () => {
      const unknown = randomUUID();
      await withClient(env.server.mcpUrl, env.globex, async (client) => {
        const other = await callTool(client, 'get_issue', { id: SAMPLE_ISSUE_ID });
        const missing = await callTool(client, 'get_issue', { id: unknown });
        assert.equal(missing.isError, true);
        assert.equal(
          textOf(other).replaceAll(SAMPLE_ISSUE_ID, '<id>'),
          textOf(missing).replaceAll(unknown, '<id>'),
          'same message for "other org" and "does not exist"',
        );
      });
    });

    test('signals and insights are isolated too', T, async () => {
      const acmeSignals = await allIds(env.server.mcpUrl, env.acme, 'list_signals', {}, 'signals');
      const globexSignals = await allIds(env.server.mcpUrl, env.globex, 'list_signals', {}, 'signals');
      assert.ok(acmeSignals.length > 0 && globexSignals.length > 0, 'both orgs have signals');
      assert.deepEqual(globexSignals.filter((id) => acmeSignals.includes(id)), [], 'disjoint signal ids');
      await withClient(env.server.mcpUrl, env.globex, async (client) => {
        const sig = await callTool(client, 'get_signal', { id: acmeSignals[0] });
        assert.equal(sig.isError, true, 'globex get_signal on an acme signal');
      });
      const acmeInsights = await allIds(env.server.mcpUrl, env.acme, 'list_insights', {}, 'insights');
      if (acmeInsights.length > 0) {
        await withClient(env.server.mcpUrl, env.globex, async (client) => {
          const ins = await callTool(client, 'get_insight', { id: acmeInsights[0] });
          assert.equal(ins.isError, true, 'globex get_insight on an acme insight');
        });
      }
    });
  });
}
