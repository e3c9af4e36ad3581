// The four prompts of PRODUCT.txt, each answered by ONE tool call with default arguments.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SEVERITY_RANK, UUID_PATTERN, callTool, textOf, withClient } from '../../lib/mcp.js';

export const SAMPLE_ISSUE_ID = '87b3a6b6-5af5-438b-a39c-eff148a68ccb';
const T = { timeout: 60_000 };
const DAY_MS = 24 * 60 * 60 * 1000;
const SLACK_MS = 10 * 60 * 1000;

function assertDate(value, where) {
  assert.equal(typeof value, 'string', `${where} is an ISO-8601 string`);
  assert.ok(!Number.isNaN(Date.parse(value)), `${where} parses as a date: ${value}`);
  return Date.parse(value);
}

function assertTextRendering(result, mustMention) {
  assert.ok(Array.isArray(result.content) && result.content.length > 0, 'content');
  assert.equal(result.content[0].type, 'text');
  assert.ok(result.content[0].text.trim().length > 0, 'non-empty text rendering');
  if (mustMention) {
    const text = textOf(result);
    assert.ok(
      mustMention.some((s) => text.includes(s)),
      `the text rendering mentions one of ${JSON.stringify(mustMention)}`,
    );
  }
}

/**
 * The four prompts, each as a check of one connected MCP client: the suite below runs them with
 * a static token, tests/oauth.test.js with a client that signed in through OAuth.
 */
export const PRODUCT_PROMPTS = [
  {
    title: '"What are my most critical unresolved issues right now?" -> list_issues {}',
    async check(client) {
      const result = await callTool(client, 'list_issues', {});
      assert.notEqual(result.isError, true, textOf(result));
      const sc = result.structuredContent;
      assert.ok(sc && Array.isArray(sc.issues), 'structuredContent.issues');
      assert.ok('next_cursor' in sc, 'structuredContent.next_cursor is present (string or null)');
      assert.ok(sc.issues.length > 0, 'acme has unresolved issues');
      assert.ok(sc.issues.length <= 25, `default page holds at most 25 issues, got ${sc.issues.length}`);
      for (const issue of sc.issues) {
        assert.match(issue.id, UUID_PATTERN);
        assert.ok(typeof issue.title === 'string' && issue.title.length > 0, 'title');
        assert.equal(issue.status, 'unresolved', `issue ${issue.id} status`);
        assert.ok(issue.severity in SEVERITY_RANK, `issue ${issue.id} severity ${issue.severity}`);
      }
      const ranks = sc.issues.map((i) => SEVERITY_RANK[i.severity]);
      for (let k = 1; k < ranks.length; k += 1) {
        assert.ok(ranks[k - 1] >= ranks[k], `sorted by severity: ${sc.issues.map((i) => i.severity).join(',')}`);
      }
      assert.equal(sc.issues[0].severity, 'critical', 'the first issue is critical');
      assertTextRendering(result, [sc.issues[0].id, sc.issues[0].title]);
    },
  },
  {
    title: `"Show me issue ${SAMPLE_ISSUE_ID}." -> get_issue {id}`,
    async check(client) {
      const result = await callTool(client, 'get_issue', { id: SAMPLE_ISSUE_ID });
      assert.notEqual(result.isError, true, textOf(result));
      const sc = result.structuredContent;
      assert.equal(sc.id, SAMPLE_ISSUE_ID);
      for (const field of ['title', 'description', 'status', 'severity']) {
        assert.ok(typeof sc[field] === 'string' && sc[field].length > 0, `${field} is a non-empty string`);
      }
      assert.ok(['unresolved', 'resolved', 'ignored'].includes(sc.status), `status ${sc.status}`);
      assert.ok(sc.severity in SEVERITY_RANK, `severity ${sc.severity}`);

      assert.ok(Array.isArray(sc.timeline) && sc.timeline.length > 0, 'timeline is a non-empty array');
      for (const point of sc.timeline) {
        assertDate(point.date, 'timeline[].date');
        assert.ok(Number.isInteger(point.occurrences) && point.occurrences >= 0, 'timeline[].occurrences');
      }
      assert.ok(Array.isArray(sc.related_signals), 'related_signals is an array');
      for (const s of sc.related_signals) {
        assert.ok(typeof s.id === 'string' && s.id.length > 0, 'related_signals[].id');
        assert.ok(typeof s.name === 'string' && s.name.length > 0, 'related_signals[].name');
      }
      assert.ok(Array.isArray(sc.related_insights), 'related_insights is an array');
      for (const i of sc.related_insights) {
        assert.ok(typeof i.id === 'string' && i.id.length > 0, 'related_insights[].id');
        assert.ok(typeof i.title === 'string' && i.title.length > 0, 'related_insights[].title');
        assert.ok(typeof i.kind === 'string' && i.kind.length > 0, 'related_insights[].kind');
        assertDate(i.created_at, 'related_insights[].created_at');
      }
      assertTextRendering(result, [SAMPLE_ISSUE_ID, sc.title]);
    },
  },
  {
    title: '"What signals have I configured and which are matching most?" -> list_signals {}',
    async check(client) {
      const result = await callTool(client, 'list_signals', {});
      assert.notEqual(result.isError, true, textOf(result));
      const sc = result.structuredContent;
      assert.ok(Array.isArray(sc.signals) && sc.signals.length > 0, 'acme has signals');
      assert.equal(sc.window, '7d');
      assert.ok('next_cursor' in sc, 'next_cursor is present (string or null)');
      for (const s of sc.signals) {
        assert.ok(typeof s.id === 'string' && s.id.length > 0, 'signals[].id');
        assert.ok(typeof s.name === 'string' && s.name.length > 0, 'signals[].name');
        assert.equal(typeof s.enabled, 'boolean', 'signals[].enabled');
        assert.ok(Number.isInteger(s.match_count) && s.match_count >= 0, 'signals[].match_count');
        assert.ok('last_matched_at' in s, 'signals[].last_matched_at is present');
        if (s.last_matched_at !== null) assertDate(s.last_matched_at, 'signals[].last_matched_at');
      }
      const counts = sc.signals.map((s) => s.match_count);
      for (let k = 1; k < counts.length; k += 1) {
        assert.ok(counts[k - 1] >= counts[k], `sorted by match_count descending: ${counts.join(',')}`);
      }
      assert.ok(counts[0] > 0, 'the top signal has matches in the last 7 days');
      assertTextRendering(result, [sc.signals[0].name, sc.signals[0].id]);
    },
  },
  {
    title: '"Summarize the last week of insights." -> list_insights {}',
    async check(client) {
      const now = Date.now();
      const result = await callTool(client, 'list_insights', {});
      assert.notEqual(result.isError, true, textOf(result));
      const sc = result.structuredContent;
      assert.ok(Array.isArray(sc.insights) && sc.insights.length > 0, 'acme has insights in the last week');
      assert.ok('next_cursor' in sc, 'next_cursor is present (string or null)');
      const since = assertDate(sc.since, 'since');
      const until = assertDate(sc.until, 'until');
      assert.ok(Math.abs(until - now) <= SLACK_MS, `until (${sc.until}) is now`);
      assert.ok(Math.abs(until - since - 7 * DAY_MS) <= DAY_MS, `since..until spans about 7 days: ${sc.since}..${sc.until}`);
      const created = [];
      for (const i of sc.insights) {
        assert.ok(typeof i.id === 'string' && i.id.length > 0, 'insights[].id');
        for (const field of ['kind', 'title', 'summary']) {
          assert.ok(typeof i[field] === 'string' && i[field].length > 0, `insights[].${field}`);
        }
        const t = assertDate(i.created_at, 'insights[].created_at');
        assert.ok(t >= now - 7 * DAY_MS - SLACK_MS, `insight ${i.id} created ${i.created_at} is within the last 7 days`);
        assert.ok(t <= now + SLACK_MS, `insight ${i.id} created ${i.created_at} is not in the future`);
        created.push(t);
      }
      for (let k = 1; k < created.length; k += 1) {
        assert.ok(created[k - 1] >= created[k], 'newest first');
      }
      assertTextRendering(result, [sc.insights[0].title, sc.insights[0].id]);
    },
  },
];

export default function register(env) {
  describe('PRODUCT.txt prompts, one call each', () => {
    for (const prompt of PRODUCT_PROMPTS) {
      test(prompt.title, T, async () => {
        await withClient(env.server.mcpUrl, env.acme, (client) => prompt.check(client));
      });
    }

    test('get_signal and get_insight return the full objects listed by list_signals / list_insights', T, async () => {
      await withClient(env.server.mcpUrl, env.acme, async (client) => {
        const signal = (await callTool(client, 'list_signals', {})).structuredContent.signals[0];
        const s = await callTool(client, 'get_signal', { id: signal.id });
        assert.notEqual(s.isError, true, textOf(s));
        assert.equal(s.structuredContent.id, signal.id);
        assert.equal(s.structuredContent.name, signal.name);
        assertTextRendering(s, [signal.name, signal.id]);

        const insight = (await callTool(client, 'list_insights', {})).structuredContent.insights[0];
        const i = await callTool(client, 'get_insight', { id: insight.id });
        assert.notEqual(i.isError, true, textOf(i));
        assert.equal(i.structuredContent.id, insight.id);
        assert.equal(i.structuredContent.title, insight.title);
        assert.equal(i.structuredContent.kind, insight.kind);
        assertTextRendering(i, [insight.title, insight.id]);
      });
    });
  });
}
