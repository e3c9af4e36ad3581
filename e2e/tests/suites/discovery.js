// OAuth protected resource metadata (RFC 9728): JSON, never HTML.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

const T = { timeout: 60_000 };

export default function register(env) {
  describe('GET /.well-known/oauth-protected-resource', () => {
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/api/mcp']) {
      test(`${path} -> 200 application/json RFC 9728 metadata for /api/mcp`, T, async () => {
        const res = await fetch(`${env.server.baseUrl}${path}`, { headers: { Accept: 'application/json' } });
        const text = await res.text();
        assert.equal(res.status, 200, text.slice(0, 300));
        assert.match(res.headers.get('content-type') ?? '', /^application\/json\b/);
        const meta = JSON.parse(text);
        assert.equal(meta.resource, env.server.mcpUrl);
        assert.ok(Array.isArray(meta.bearer_methods_supported), 'bearer_methods_supported is an array');
        assert.ok(meta.bearer_methods_supported.includes('header'), 'bearer_methods_supported includes "header"');
        assert.ok(Array.isArray(meta.authorization_servers) && meta.authorization_servers.length > 0, 'authorization_servers');
        for (const issuer of meta.authorization_servers) {
          assert.doesNotThrow(() => new URL(issuer), `authorization server ${issuer} is a URL`);
        }
        if ('resource_name' in meta) assert.equal(typeof meta.resource_name, 'string');
      });
    }

    test('the metadata needs no token (clients fetch it before they authenticate)', T, async () => {
      const res = await fetch(`${env.server.baseUrl}/.well-known/oauth-protected-resource`);
      assert.equal(res.status, 200);
      await res.arrayBuffer();
    });
  });
}
