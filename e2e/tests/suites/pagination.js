import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { callTool, collectAll, withClient } from '../../lib/mcp.js';

const T = { timeout: 120_000 };

function assertNoDuplicates(ids, what) {
  const seen = new Set();
  for (const id of ids) {
    assert.ok(!seen.has(id), `${what}: duplicate id ${id} across pages`);
    seen.add(id);
  }
}

export default function register(env) {
  describe('pagination with opaque cursors', () => {
    test('list_issues {status:"all", limit:10} followed to the end: no duplicates, more than 10 issues', T, async () => {
      await withClient(env.server.mcpUrl, env.acme, async (client) => {
        const { items, pages } = await collectAll(client, 'list_issues', { status: 'all', limit: 10 }, 'issues');
        for (const page of pages) assert.ok(page.issues.length <= 10, `page size ${page.issues.length} <= 10`);
        for (const page of pages.slice(0, -1)) assert.ok(page.issues.length > 0, 'no empty page before the last');
        assertNoDuplicates(items.map((i) => i.id), 'list_issues');
        assert.ok(items.length > 10, `more than 10 issues in total, got ${items.length}`);
        assert.ok(pages.length >= 2, 'at least two pages');
        const statuses = new Set(items.map((i) => i.status));
        assert.ok(statuses.has('unresolved'), 'status all includes unresolved issues');
        assert.ok(statuses.size >= 2, `status all includes other statuses too: ${[...statuses]}`);
      });
    });

    test('a cursor is stable: the same cursor yields the same page', T, async () => {
      await withClient(env.server.mcpUrl, env.acme, async (client) => {
        const first = await callTool(client, 'list_issues', { status: 'all', limit: 10 });
        const cursor = first.structuredContent.next_cursor;
        assert.equal(typeof cursor, 'string');
        const a = await callTool(client, 'list_issues', { status: 'all', limit: 10, cursor });
        const b = await callTool(client, 'list_issues', { status: 'all', limit: 10, cursor });
        assert.deepEqual(
          a.structuredContent.issues.map((i) => i.id),
          b.structuredContent.issues.map((i) => i.id),
        );
        const firstIds = new Set(first.structuredContent.issues.map((i) => i.id));
        assert.ok(a.structuredContent.issues.every((i) => !firstIds.has(i.id)), 'page 2 does not repeat page 1');
      });
    });

    test('list_signals {limit:2} followed to the end: no duplicates', T, async () => {
      await withClient(env.server.mcpUrl, env.acme, async (client) => {
        const signals = await collectAll(client, 'list_signals', { limit: 2 }, 'signals');
        assertNoDuplicates(signals.items.map((s) => s.id), 'list_signals');
        for (const page of signals.pages) assert.ok(page.signals.length <= 2);
        assert.ok(signals.pages.length >= 2, 'more than one page of signals');
      });
    });

    test('list_insights {limit:2} (default 7-day window) followed to the end with the same arguments', T, async () => {
      // An agent repeats its arguments plus the cursor; with the default window, "now"
      // moves between the calls, and the cursor must still be accepted.
      await withClient(env.server.mcpUrl, env.acme, async (client) => {
        const insights = await collectAll(client, 'list_insights', { limit: 2 }, 'insights');
        assertNoDuplicates(insights.items.map((s) => s.id), 'list_insights');
        for (const page of insights.pages) assert.ok(page.insights.length <= 2);
        assert.ok(insights.pages.length >= 2, 'more than one page of insights');
      });
    });
  });
}
