// Per-token "Last used" through `token list --json`, which never shows secrets.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { callTool, withClient } from '../../lib/mcp.js';

const LAST_USED_WAIT_MS = 90_000; // last-used writes may be coalesced
const ALLOWED_KEYS = new Set(['id', 'name', 'created_at', 'last_used_at', 'revoked_at']);

function assertNoSecrets(env, list) {
  for (const token of env.server.mintedTokens) {
    assert.ok(!list.raw.includes(token), 'token list never shows a plaintext token');
    assert.ok(!list.raw.includes(token.slice(8)), 'token list never shows the secret part of a token');
  }
  assert.doesNotMatch(list.raw, /[0-9a-fA-F]{64}/, 'token list never shows a 64-hex hash');
  assert.doesNotMatch(list.raw, /luc_mcp_/, 'token list never shows the token prefix');
  for (const entry of list) {
    for (const key of ['id', 'name', 'created_at', 'last_used_at', 'revoked_at']) {
      assert.ok(key in entry, `token list entry has ${key}`);
    }
    const extra = Object.keys(entry).filter((k) => !ALLOWED_KEYS.has(k));
    assert.deepEqual(extra.filter((k) => /hash|secret|token|plain/i.test(k)), [], `no secret-like keys: ${extra}`);
  }
}

export default function register(env) {
  describe('token list --json and Last used', () => {
    test('a fresh token shows last_used_at after it has been used, and no secret is ever listed', { timeout: 240_000 }, async () => {
      const name = 'e2e last used';
      const { token, id } = await env.server.createTokenWithId('acme', name);
      const before = await env.server.listTokens('acme');
      assertNoSecrets(env, before);
      const fresh = before.find((t) => t.id === id);
      assert.equal(fresh.name, name);
      assert.equal(fresh.last_used_at, null, 'an unused token has last_used_at null');
      assert.equal(fresh.revoked_at, null);
      assert.ok(!Number.isNaN(Date.parse(fresh.created_at)), 'created_at is a date');

      const usedFrom = Date.now();
      await withClient(env.server.mcpUrl, token, async (client) => {
        await callTool(client, 'list_issues', {});
        await callTool(client, 'list_signals', {});
      });

      const deadline = Date.now() + LAST_USED_WAIT_MS;
      let entry;
      let list;
      for (;;) {
        list = await env.server.listTokens('acme');
        entry = list.find((t) => t.id === id);
        if (entry?.last_used_at || Date.now() > deadline) break;
        await sleep(2_000);
      }
      assertNoSecrets(env, list);
      assert.ok(entry.last_used_at, `last_used_at set within ${LAST_USED_WAIT_MS / 1000} s of use`);
      const lastUsed = Date.parse(entry.last_used_at);
      assert.ok(lastUsed >= usedFrom - 120_000 && lastUsed <= Date.now() + 120_000, `last_used_at ${entry.last_used_at} is about now`);

      const globex = await env.server.listTokens('globex');
      assertNoSecrets(env, globex);
      assert.ok(!globex.some((t) => t.id === id), 'token list is org-scoped');
    });
  });
}
