// Bearer authentication on /api/mcp, with raw HTTP requests of an `initialize` body.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INITIALIZE_BODY, postInitialize, randomToken, rawRequest } from '../../lib/mcp.js';

const T = { timeout: 120_000 };

function wwwAuthenticate(res) {
  return typeof res.headers.get === 'function' ? res.headers.get('www-authenticate') : res.headers['www-authenticate'];
}

function assertChallenge(env, res, { tokenSent }) {
  assert.equal(res.status, 401, `expected 401, got ${res.status}: ${String(res.text ?? res.body).slice(0, 300)}`);
  const www = wwwAuthenticate(res);
  assert.ok(www, 'WWW-Authenticate header present');
  assert.ok(www.startsWith('Bearer '), `WWW-Authenticate starts with "Bearer ": ${www}`);
  const metadata = `resource_metadata="${env.server.baseUrl}/.well-known/oauth-protected-resource"`;
  assert.ok(www.includes(metadata), `WWW-Authenticate contains ${metadata}: ${www}`);
  if (tokenSent) assert.ok(www.includes('error="invalid_token"'), `error="invalid_token" when a token was sent: ${www}`);
  else assert.ok(!www.includes('error='), `no error code when no credentials were sent (RFC 6750 §3.1): ${www}`);
}

function rawInitialize(env, authorizationLine) {
  return rawRequest(env.server.baseUrl, {
    method: 'POST',
    path: '/api/mcp',
    headerLines: [
      'Content-Type: application/json',
      'Accept: application/json, text/event-stream',
      ...(authorizationLine ? [authorizationLine] : []),
    ],
    body: JSON.stringify(INITIALIZE_BODY),
  });
}

export default function register(env) {
  describe('bearer token authentication', () => {
    test('no Authorization header -> 401 with a Bearer challenge naming the resource metadata', T, async () => {
      assertChallenge(env, await postInitialize(env.server.mcpUrl, undefined), { tokenSent: false });
    });

    test('an unknown, well-formed token -> 401 error="invalid_token"', T, async () => {
      assertChallenge(env, await postInitialize(env.server.mcpUrl, `Bearer ${randomToken()}`), { tokenSent: true });
    });

    test('a valid token -> 200', T, async () => {
      const res = await postInitialize(env.server.mcpUrl, `Bearer ${env.acme}`);
      assert.equal(res.status, 200, res.text);
    });

    test('a revoked token gets 401 on the very next request', T, async () => {
      const { token, id } = await env.server.createTokenWithId('acme', 'e2e revoke me');
      const ok = await postInitialize(env.server.mcpUrl, `Bearer ${token}`);
      assert.equal(ok.status, 200, `fresh token works before revocation: ${ok.text}`);
      await env.server.revokeToken('acme', id);
      assertChallenge(env, await postInitialize(env.server.mcpUrl, `Bearer ${token}`), { tokenSent: true });
      const listed = (await env.server.listTokens('acme')).find((t) => t.id === id);
      assert.ok(listed?.revoked_at, 'token list shows revoked_at');
    });

    test('the token without its luc_mcp_ prefix -> 401', T, async () => {
      const bare = env.acme.slice('luc_mcp_'.length);
      assertChallenge(env, await postInitialize(env.server.mcpUrl, `Bearer ${bare}`), { tokenSent: true });
    });

    test('near misses of a valid token -> 401 (exact comparison)', T, async () => {
      const variants = {
        'upper-case prefix': `LUC_MCP_${env.acme.slice(8)}`,
        'one character appended': `${env.acme}A`,
        'last character dropped': env.acme.slice(0, -1),
        'base64 padding appended': `${env.acme}=`,
      };
      for (const [what, value] of Object.entries(variants)) {
        const res = await postInitialize(env.server.mcpUrl, `Bearer ${value}`);
        assert.equal(res.status, 401, `${what}: expected 401, got ${res.status}`);
      }
    });

    // "No trailing whitespace": a space or tab at the end of the header line is optional
    // whitespace that every HTTP parser (Helidon's included) strips before the application
    // sees the value (RFC 9110 §5.5), so it cannot be tested end to end. Whitespace that
    // survives HTTP parsing but that Java's trim()/strip() would remove can: a token
    // followed by VT or FF must not authenticate (401, or 400 for the control character).
    test('a token followed by whitespace that HTTP keeps (VT, FF) is not accepted (no trimming)', T, async () => {
      const control = await rawInitialize(env, `Authorization: Bearer ${env.acme}`);
      assert.equal(control.status, 200, `control request, raw and exact: ${control.body.slice(0, 200)}`);
      for (const [what, ws] of Object.entries({ 'vertical tab': '\x0b', 'form feed': '\x0c' })) {
        const res = await rawInitialize(env, `Authorization: Bearer ${env.acme}${ws}`);
        assert.ok(res.status === 401 || res.status === 400, `token + ${what}: expected 401 (or 400), got ${res.status}`);
      }
    });

    test('a non-Bearer scheme -> 401', T, async () => {
      const res = await postInitialize(env.server.mcpUrl, `Basic ${Buffer.from(`x:${env.acme}`).toString('base64')}`);
      assert.equal(res.status, 401);
    });
  });
}
