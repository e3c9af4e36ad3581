// Sign in with OAuth (issue 13), end to end: MCP clients that know nothing but
// http://127.0.0.1:PORT/api/mcp connect to the built server, which is its own authorization
// server. An org admin approves each client once in headless Chromium.
//
// Two servers, so that each lifetime is what its tests need:
// - `main` (default access-token lifetime, 1 h): the official TypeScript SDK client registers
//   through a Client ID Metadata Document (served over HTTPS on loopback; the host is allowed by
//   --client-metadata-allowed-hosts and its certificate trusted by the server's JVM), answers the
//   four prompts, and loses access on the very next request after Revoke on the settings page;
//   mcp-remote signs in through DCR; a bad static token still gets our 401.
// - `short` (--oauth-access-token-lifetime PT3S): the SDK client registers through DCR and
//   refreshes once its access token has expired.
// The last tests stop both servers and scan their logs and data dirs for every secret seen.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { createAdminKey } from '../lib/admin.js';
import { launchBrowser } from '../lib/browser.js';
import { callTool, postInitialize, randomToken, textOf } from '../lib/mcp.js';
import {
  ACCESS_TOKEN_PATTERN,
  RecordingOAuthProvider,
  callbackServer,
  cimdServer,
  consent,
  describeRequests,
  loopbackTls,
  recordingFetch,
  redactAll,
  startMcpRemote,
} from '../lib/oauth.js';
import { listFiles, needlesOf, scanFiles } from '../lib/scan.js';
import { ARTIFACTS_DIR, LucentServer } from '../lib/server.js';
import { PRODUCT_PROMPTS } from './suites/prompts.js';
import { inspector } from './suites/inspector.js';
import { mcpRemoteBin } from './suites/mcp-remote.js';

const T = { timeout: 120_000 };
// The data-service deadline is not under test here, and two cores shared by several test runs
// can be slower than its default (2 s) for the first calls.
const SERVE_ENV = { LUCENT_MCP_DATA_DEADLINE: 'PT20S' };
const SHORT_LIFETIME_S = 3;
const READ_ONLY_PHRASE = /read-only access to issues, signals and insights/i;
const MCP_REMOTE_LOG = join(ARTIFACTS_DIR, 'oauth-mcp-remote-stderr.log');

const env = {
  tmpDir: null,
  main: null,
  short: null,
  cimd: null,
  callback: null,
  browser: null,
  adminKeys: {},
  secrets: [], // every access token, refresh token and code the tests saw
};

function secretsKnown() {
  return [...env.secrets, ...(env.main?.mintedTokens ?? []), ...(env.short?.mintedTokens ?? [])];
}

/** The browser's session cookies are secrets too: remember them for the final scan. */
async function rememberCookies() {
  for (const c of await env.browser.context.cookies()) if (c.value.length >= 16) env.secrets.push(c.value);
}

/** An assertion message never carries a secret. */
const safe = (text) => redactAll(text, secretsKnown());

/** The SDK's streamable HTTP transport with an OAuthClientProvider, recording its requests. */
function oauthTransport(server, provider, recorder) {
  return new StreamableHTTPClientTransport(new URL(server.mcpUrl), { authProvider: provider, fetch: recorder.fetchFn });
}

/**
 * The whole first sign-in of the SDK client, as an MCP host runs it: connect (401, discovery,
 * registration, redirectToAuthorization opens Chromium, the admin signs in and clicks Allow),
 * the redirect lands on the loopback callback, finishAuth(code), connect again.
 * Resolves with { client, transport, callback, consentText }.
 */
async function signInWithSdk(server, provider, recorder, org) {
  let consentDone = null;
  provider.onRedirect = (url) => {
    consentDone = consent(env.browser.page, url, { adminKey: env.adminKeys[server.port], callbackUrl: env.callback.url });
    consentDone.catch(() => {}); // awaited below
  };
  const first = new Client({ name: 'lucent-e2e-oauth', version: '0.0.0' });
  await assert.rejects(first.connect(oauthTransport(server, provider, recorder)), (err) => {
    assert.ok(err instanceof UnauthorizedError, `connect without a token ends in UnauthorizedError (after the redirect), got: ${safe(err?.stack ?? err)}`);
    return true;
  });
  assert.ok(consentDone, `redirectToAuthorization was called\n${describeRequests(recorder.requests)}`);
  const consentText = await consentDone;
  await rememberCookies();
  const callback = await env.callback.next();
  if (callback.code) env.secrets.push(callback.code);
  assert.equal(callback.error, undefined, `the redirect carries no error: ${safe(JSON.stringify(callback))}`);
  assert.ok(callback.code, 'the redirect carries a code');
  assert.equal(callback.state, provider.states.at(-1), 'state comes back unchanged');
  assert.equal(callback.iss, server.baseUrl, 'iss names the issuer (RFC 9207)');
  assert.match(consentText, new RegExp(`\\b${org}\\b`), `the consent page names the org: ${safe(consentText).slice(0, 400)}`);
  assert.match(consentText, READ_ONLY_PHRASE, `the consent page says what is granted: ${safe(consentText).slice(0, 400)}`);
  assert.ok(consentText.includes(provider.clientName), `the consent page names the client: ${safe(consentText).slice(0, 400)}`);
  assert.ok(consentText.includes('127.0.0.1'), `the consent page shows the redirect host: ${safe(consentText).slice(0, 400)}`);

  const transport = oauthTransport(server, provider, recorder);
  await transport.finishAuth(callback.code);
  env.secrets.push(...provider.secrets());
  const client = new Client({ name: 'lucent-e2e-oauth', version: '0.0.0' });
  await client.connect(transport);
  return { client, transport, callback, consentText };
}

/** mcp-remote on the main server's MCP URL, its stderr redacted into MCP_REMOTE_LOG. */
function mcpRemote(label, options = {}) {
  return startMcpRemote(env.main.mcpUrl, { bin: mcpRemoteBin(), redact: safe, logFile: MCP_REMOTE_LOG, label, ...options });
}

/** The requests made from index `from` on. */
const since = (recorder, from) => recorder.requests.slice(from);

function assertDiscovery(requests, server) {
  const paths = requests.map((r) => `${r.method} ${r.path} -> ${r.status}`);
  const where = describeRequests(requests);
  assert.equal(requests[0].path, '/api/mcp', `the client starts at the MCP URL:\n${where}`);
  assert.equal(requests[0].status, 401, `the first MCP request is refused with 401:\n${where}`);
  assert.match(requests[0].wwwAuthenticate ?? '', /resource_metadata="/, 'the challenge names the resource metadata');
  assert.match(requests[0].wwwAuthenticate ?? '', /scope="mcp:read"/, 'the challenge names the scope');
  const prm = requests.find((r) => r.path.startsWith('/.well-known/oauth-protected-resource') && r.status === 200);
  assert.ok(prm, `the client read the protected-resource metadata:\n${where}`);
  const asm = requests.find((r) => /^\/\.well-known\/(oauth-authorization-server|openid-configuration)/.test(r.path) && r.status === 200);
  assert.ok(asm, `the client read our authorization-server metadata:\n${where}`);
  assert.ok(requests.indexOf(prm) < requests.indexOf(asm), `resource metadata first, then the authorization server's:\n${paths.join('\n')}`);
  assert.ok(requests.every((r) => r.url.startsWith(server.baseUrl)), `every request went to the server itself:\n${where}`);
}

function assertCodeExchange(requests) {
  const where = describeRequests(requests);
  const exchange = requests.filter((r) => r.path === '/oauth/token' && r.grantType === 'authorization_code');
  assert.equal(exchange.length, 1, `one code exchange:\n${where}`);
  assert.equal(exchange[0].status, 200, `the code exchange succeeds:\n${where}`);
}

before(
  async () => {
    env.tmpDir = await mkdtemp(join(tmpdir(), 'lucent-oauth-e2e-'));
    const tls = await loopbackTls(env.tmpDir);
    env.cimd = await cimdServer(tls);
    env.callback = await callbackServer();
    env.main = await LucentServer.start({
      serveArgs: ['--client-metadata-allowed-hosts', env.cimd.hostPort],
      env: { ...SERVE_ENV, LUCENT_MCP_JAVA_OPTS: tls.javaOpts },
    });
    env.short = await LucentServer.start({ serveArgs: ['--oauth-access-token-lifetime', `PT${SHORT_LIFETIME_S}S`], env: SERVE_ENV });
    for (const server of [env.main, env.short]) env.adminKeys[server.port] = await createAdminKey(server, 'acme');
    env.browser = await launchBrowser({ avoidDirs: [env.main.tmpDir, env.short.tmpDir] });
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await writeFile(MCP_REMOTE_LOG, '# mcp-remote stderr (OAuth tests), secrets redacted\n');
  },
  { timeout: 10 * 60_000 },
);

after(
  async () => {
    await env.browser?.close().catch(() => {});
    await env.callback?.close().catch(() => {});
    await env.cimd?.close().catch(() => {});
    for (const server of [env.main, env.short]) if (server) await server.cleanup();
    if (env.tmpDir) await rm(env.tmpDir, { recursive: true, force: true });
  },
  { timeout: 2 * 60_000 },
);

describe('discovery from nothing but the MCP URL', () => {
  test('the 401 challenge, the protected-resource metadata and our authorization-server metadata (RFC 8414, both paths)', T, async () => {
    const challenge = await postInitialize(env.main.mcpUrl, undefined);
    assert.equal(challenge.status, 401);
    const www = challenge.headers.get('www-authenticate') ?? '';
    assert.match(www, /scope="mcp:read"/, `the challenge names the scope: ${www}`);
    const prmUrl = /resource_metadata="([^"]+)"/.exec(www)?.[1];
    assert.ok(prmUrl, `the challenge names the resource metadata: ${www}`);
    const prm = await (await fetch(prmUrl)).json();
    assert.deepEqual(prm.authorization_servers, [env.main.baseUrl], 'the server is its own authorization server');
    assert.deepEqual(prm.scopes_supported, ['mcp:read'], 'the same scope as the challenge');

    const documents = [];
    for (const path of ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration']) {
      const res = await fetch(`${env.main.baseUrl}${path}`);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json\b/, path);
      documents.push(await res.json());
    }
    const [meta, openid] = documents;
    assert.deepEqual(openid, meta, 'the OpenID discovery path serves the same metadata');
    const base = env.main.baseUrl;
    assert.equal(meta.issuer, base, 'issuer = the public URL, no trailing slash');
    assert.equal(meta.authorization_endpoint, `${base}/oauth/authorize`);
    assert.equal(meta.token_endpoint, `${base}/oauth/token`);
    assert.equal(meta.registration_endpoint, `${base}/oauth/register`);
    assert.equal(meta.revocation_endpoint, `${base}/oauth/revoke`);
    assert.deepEqual(meta.response_types_supported, ['code']);
    assert.deepEqual([...meta.grant_types_supported].sort(), ['authorization_code', 'refresh_token']);
    assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(meta.token_endpoint_auth_methods_supported, ['none']);
    assert.equal(meta.client_id_metadata_document_supported, true);
    assert.equal(meta.authorization_response_iss_parameter_supported, true);
    assert.ok(meta.scopes_supported?.includes('mcp:read'), 'scopes_supported names mcp:read');
  });
});

describe('OAuth with the TypeScript SDK client, registered through a Client ID Metadata Document', () => {
  const s = {};

  after(async () => {
    await s.client?.close().catch(() => {});
  });

  test('discovery, CIMD registration, consent in Chromium (sign in, Allow), code exchange, connect', T, async () => {
    const clientName = 'Lucent e2e SDK client (CIMD)';
    const clientId = env.cimd.documentUrl('sdk');
    env.cimd.put('sdk', {
      client_id: clientId,
      client_name: clientName,
      redirect_uris: [env.callback.url],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    });
    s.recorder = recordingFetch();
    s.provider = new RecordingOAuthProvider({ redirectUrl: env.callback.url, clientName, clientMetadataUrl: clientId });
    const connected = await signInWithSdk(env.main, s.provider, s.recorder, 'acme');
    s.client = connected.client;
    assert.match(connected.consentText, /client metadata document/i, `the consent page says how the client registered: ${safe(connected.consentText).slice(0, 400)}`);
    assert.ok(connected.consentText.includes(clientId), 'and names the document URL');
    s.clientName = clientName;
    const requests = s.recorder.requests;
    const where = describeRequests(requests);

    assertDiscovery(requests, env.main);
    assert.equal(s.provider.client?.client_id, clientId, 'the client_id is the document URL');
    assert.ok(!requests.some((r) => r.path === '/oauth/register'), `no dynamic registration with a metadata document:\n${where}`);
    assert.ok(env.cimd.fetches.some((f) => f.path === new URL(clientId).pathname), 'the server fetched the metadata document');
    const authUrl = s.provider.authorizationUrls[0];
    assert.equal(authUrl.origin + authUrl.pathname, `${env.main.baseUrl}/oauth/authorize`, 'authorization at our own endpoint');
    assert.equal(authUrl.searchParams.get('resource'), env.main.mcpUrl, 'resource = the MCP URL (RFC 8707)');
    assert.equal(authUrl.searchParams.get('code_challenge_method'), 'S256');
    assertCodeExchange(requests);

    const tokens = s.provider.tokens();
    assert.match(tokens.access_token, ACCESS_TOKEN_PATTERN, 'the access token is a luc_mcp_ token');
    assert.ok(tokens.refresh_token, 'a refresh token is issued');
    assert.equal(tokens.token_type.toLowerCase(), 'bearer');
    const last = requests.at(-1);
    assert.equal(last.path, '/api/mcp', `the client is back at the MCP URL:\n${where}`);
    assert.ok(last.bearer === tokens.access_token && last.status < 300, `it now sends the access token and is admitted:\n${where}`);
    const { tools } = await s.client.listTools();
    assert.equal(tools.length, 6, 'the six tools');
  });

  for (const prompt of PRODUCT_PROMPTS) {
    test(`through the OAuth-connected client: ${prompt.title}`, T, async () => {
      assert.ok(s.client, 'needs the client of the sign-in step');
      await prompt.check(s.client);
    });
  }

  test('the grant is listed by `token list` and on the settings page; Revoke there ends it on the very next MCP request (401)', T, async () => {
    assert.ok(s.client, 'needs the client of the sign-in step');
    const listed = (await env.main.listTokens('acme')).find((t) => t.name === s.clientName);
    assert.ok(listed, `token list --json lists the grant by its client's name: ${safe(JSON.stringify(await env.main.listTokens('acme'))).slice(0, 600)}`);
    assert.doesNotMatch((await env.main.listTokens('acme')).raw, /luc_mcp_|luc_rt_/, 'token list carries no secret');
    assert.equal(listed.kind, 'OAuth', 'token list says OAuth');

    const { page } = env.browser;
    await page.goto(`${env.main.baseUrl}/admin/`);
    const tid = (id) => `[data-testid="${id}"]`;
    const table = page.locator(tid('token-table'));
    const login = page.locator(tid('login-form'));
    await Promise.race([table.waitFor({ state: 'visible' }), login.waitFor({ state: 'visible' })]);
    if (await login.isVisible()) {
      await page.locator(tid('admin-key-input')).fill(env.adminKeys[env.main.port]);
      await page.locator(tid('login-submit')).click();
      await table.waitFor({ state: 'visible' });
    }
    const row = page.locator('tr[data-testid="token-row"]').filter({ hasText: s.clientName });
    await row.first().waitFor({ state: 'visible' }).catch(() => assert.fail(`no row for "${s.clientName}" in the token table`));
    assert.equal(await row.count(), 1, 'the grant is one row');
    assert.equal((await row.locator(tid('token-kind')).innerText()).trim(), 'OAuth', 'the row says OAuth');
    await rememberCookies();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'oauth-grant-row.png') });

    s.provider.onRedirect = () => {}; // after the revoke, the client would ask for a new consent: nobody approves
    const from = s.recorder.requests.length;
    const tokensBefore = s.provider.savedTokens.length;
    const revokedAccessToken = s.provider.tokens().access_token;
    await row.locator(tid('revoke-button')).click();
    await page.locator(tid('revoke-confirm')).click();
    await page.locator(`dialog${tid('revoke-dialog')}`).waitFor({ state: 'hidden' });
    const status = row.locator(tid('token-status'));
    for (let i = 0; i < 80 && (await status.innerText()).trim() !== 'Revoked'; i += 1) await sleep(250);
    assert.equal((await status.innerText()).trim(), 'Revoked', 'the row turns Revoked');

    await assert.rejects(callTool(s.client, 'list_issues', {}), (err) => {
      assert.ok(err instanceof UnauthorizedError, `the call fails with UnauthorizedError: ${safe(err?.stack ?? err)}`);
      return true;
    });
    const after = since(s.recorder, from);
    const where = describeRequests(after);
    assert.equal(after[0].path, '/api/mcp', `the very next request is the MCP call:\n${where}`);
    assert.equal(after[0].bearer, revokedAccessToken, 'with the access token of the revoked grant');
    assert.equal(after[0].status, 401, `and it is refused with 401:\n${where}`);
    assert.match(after[0].wwwAuthenticate ?? '', /error="invalid_token"/, 'error="invalid_token"');
    for (const r of after.filter((x) => x.path === '/oauth/token')) {
      assert.ok(r.status >= 400 && r.status < 500, `the refresh token of the revoked grant is refused too:\n${where}`);
    }
    assert.equal(s.provider.savedTokens.length, tokensBefore, 'no new token was issued');
    assert.equal(s.provider.authorizationUrls.length, 2, 'the client asks for a new consent');
    const fresh = await postInitialize(env.main.mcpUrl, `Bearer ${revokedAccessToken}`);
    assert.equal(fresh.status, 401, 'a fresh initialize with the revoked access token is 401');
    const cli = (await env.main.listTokens('acme')).find((t) => t.name === s.clientName);
    assert.ok(cli?.revoked_at, 'token list shows the grant revoked');
  });
});

describe('OAuth with the TypeScript SDK client, registered through DCR, refreshing after a short lifetime', () => {
  const s = {};

  after(async () => {
    await s.client?.close().catch(() => {});
  });

  test('discovery, dynamic client registration, consent in Chromium, code exchange, connect', T, async () => {
    const clientName = 'Lucent e2e SDK client (DCR)';
    s.recorder = recordingFetch();
    s.provider = new RecordingOAuthProvider({ redirectUrl: env.callback.url, clientName });
    const { client, consentText } = await signInWithSdk(env.short, s.provider, s.recorder, 'acme');
    s.client = client;
    const requests = s.recorder.requests;
    const where = describeRequests(requests);
    assertDiscovery(requests, env.short);
    const registrations = requests.filter((r) => r.path === '/oauth/register');
    assert.equal(registrations.length, 1, `one dynamic registration:\n${where}`);
    assert.equal(registrations[0].status, 201, `registered (201):\n${where}`);
    assert.ok(s.provider.client?.client_id, 'the server assigned a client_id');
    assert.doesNotMatch(s.provider.client.client_id, /^https?:/, 'a DCR client_id is no URL');
    assert.match(consentText, /unverified|not verified/i, `the consent page says a DCR client is unverified: ${safe(consentText).slice(0, 400)}`);
    assertCodeExchange(requests);
    assert.match(s.provider.tokens().access_token, ACCESS_TOKEN_PATTERN);
    const { tools } = await s.client.listTools();
    assert.equal(tools.length, 6, 'the six tools');
  });

  test(`after the access token's lifetime (${SHORT_LIFETIME_S} s) the next call gets 401 invalid_token, the client refreshes and the call succeeds; the old access token stays refused`, T, async () => {
    assert.ok(s.client, 'needs the client of the DCR step');
    const old = s.provider.tokens();
    assert.ok(old.expires_in > 0 && old.expires_in <= SHORT_LIFETIME_S, `expires_in is the configured lifetime: ${old.expires_in}`);
    // The token's lifetime, counted from when the client got it, plus a margin for clocks.
    const issuedAt = s.provider.savedAt.at(-1);
    await sleep(Math.max(0, issuedAt + old.expires_in * 1000 + 1000 - Date.now()));
    const from = s.recorder.requests.length;

    const result = await callTool(s.client, 'list_issues', {});
    assert.notEqual(result.isError, true, textOf(result));
    assert.ok(result.structuredContent.issues.length > 0, 'the call after the refresh returns issues');
    const seq = since(s.recorder, from);
    env.secrets.push(...s.provider.secrets());
    const where = describeRequests(seq);
    const refused = seq.find((r) => r.path === '/api/mcp' && r.bearer === old.access_token);
    assert.ok(refused, `the expired access token was sent once more:\n${where}`);
    assert.equal(refused.status, 401, `the expired access token gets 401:\n${where}`);
    assert.match(refused.wwwAuthenticate ?? '', /error="invalid_token"/, 'with error="invalid_token"');
    const refreshes = seq.filter((r) => r.path === '/oauth/token' && r.grantType === 'refresh_token');
    // One refresh, or more on a machine slow enough for the new token to expire before the retried calls.
    assert.ok(refreshes.length >= 1, `the client refreshed:\n${where}`);
    assert.ok(refreshes.every((r) => r.status === 200), `each refresh succeeds:\n${where}`);
    const fresh = s.provider.tokens();
    assert.notEqual(fresh.access_token, old.access_token, 'a new access token');
    assert.match(fresh.access_token, ACCESS_TOKEN_PATTERN);
    assert.ok(fresh.refresh_token && fresh.refresh_token !== old.refresh_token, 'the refresh token rotated');
    const retried = seq.at(-1);
    assert.ok(retried.path === '/api/mcp' && retried.bearer === fresh.access_token && retried.status === 200, `the call is retried with the new token:\n${where}`);

    const again = await postInitialize(env.short.mcpUrl, `Bearer ${old.access_token}`);
    assert.equal(again.status, 401, 'the old access token is refused');
    assert.match(again.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
  });
});

describe('Deny', () => {
  test('Deny on the consent page sends the client back with access_denied, its state and iss; nothing is issued', T, async () => {
    const recorder = recordingFetch();
    const provider = new RecordingOAuthProvider({ redirectUrl: env.callback.url, clientName: 'Lucent e2e SDK client (denied)' });
    let consentDone = null;
    provider.onRedirect = (url) => {
      consentDone = consent(env.browser.page, url, { adminKey: env.adminKeys[env.short.port], callbackUrl: env.callback.url, decision: 'Deny' });
      consentDone.catch(() => {});
    };
    const client = new Client({ name: 'lucent-e2e-oauth-denied', version: '0.0.0' });
    await assert.rejects(client.connect(oauthTransport(env.short, provider, recorder)), UnauthorizedError);
    assert.ok(consentDone, 'redirectToAuthorization was called');
    await consentDone;
    const callback = await env.callback.next();
    assert.equal(callback.error, 'access_denied', `error=access_denied: ${safe(JSON.stringify(callback))}`);
    assert.equal(callback.code, undefined, 'no code');
    assert.equal(callback.state, provider.states.at(-1), 'state comes back');
    assert.equal(callback.iss, env.short.baseUrl, 'iss names the issuer');
    assert.ok(!recorder.requests.some((r) => r.path === '/oauth/token'), 'no token request');
    assert.equal(provider.tokens(), undefined, 'no token');
    const grants = (await env.short.listTokens('acme')).filter((t) => t.name === provider.clientName);
    assert.deepEqual(grants, [], 'no grant for the denied client');
  });
});

describe('mcp-remote 0.15.1 signs in through OAuth', () => {
  test('with nothing but the URL: DCR, consent in Chromium, then tools through the stdio bridge', T, async () => {
    const bridge = await mcpRemote('OAuth sign-in');
    try {
      const connecting = bridge.client.connect(bridge.transport, { timeout: 90_000 });
      connecting.catch(() => {});
      const authUrl = await bridge.authorizationUrl();
      assert.equal(authUrl.origin + authUrl.pathname, `${env.main.baseUrl}/oauth/authorize`, 'mcp-remote is sent to our authorization endpoint');
      const redirect = new URL(authUrl.searchParams.get('redirect_uri'));
      assert.equal(Number(redirect.port), bridge.callbackPort, 'its loopback redirect uses the port we gave it');
      await consent(env.browser.page, authUrl, { adminKey: env.adminKeys[env.main.port], callbackUrl: redirect.origin });
      await rememberCookies();
      await connecting;
      const { tools } = await bridge.client.listTools(undefined, { timeout: 20_000 });
      assert.equal(tools.length, 6, 'the six tools through the bridge');
      const list = await bridge.client.callTool({ name: 'list_issues', arguments: { limit: 3 } }, undefined, { timeout: 20_000 });
      assert.notEqual(list.isError, true, textOf(list));
      assert.ok(list.structuredContent.issues.length > 0, 'list_issues returns issues through the bridge');
      assert.doesNotMatch(bridge.stderr(), /Dynamic Client Registration rejected/);
      const grants = (await env.main.listTokens('acme')).filter((t) => t.name === 'MCP CLI Proxy'); // mcp-remote's client_name
      assert.ok(grants.length >= 1, `token list shows mcp-remote's grant: ${safe(JSON.stringify((await env.main.listTokens('acme')).map((t) => t.name)))}`);
    } catch (err) {
      err.message = `${err.message}\n--- mcp-remote stderr (redacted, tail) ---\n${safe(bridge.stderr()).split('\n').slice(-30).join('\n')}`;
      throw err;
    } finally {
      env.secrets.push(...(await bridge.close()));
    }
  });
});

describe('a bad static token', () => {
  test('still gets our 401 with its clear message', T, async () => {
    const res = await postInitialize(env.main.mcpUrl, `Bearer ${randomToken()}`);
    assert.equal(res.status, 401);
    assert.match(res.text, /The token is not valid/, `our message: ${res.text.slice(0, 200)}`);
    assert.match(res.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
  });

  test('mcp-remote with a bad static header no longer ends at "Dynamic Client Registration rejected (HTTP 404)": it registers and offers our sign-in', T, async () => {
    const bridge = await mcpRemote('bad static token', {
      extraArgs: ['--header', 'Authorization:${AUTH_HEADER}', '--auth-timeout', '5'],
      extraEnv: { AUTH_HEADER: `Bearer ${randomToken()}` },
    });
    try {
      const connecting = bridge.client.connect(bridge.transport, { timeout: 60_000 });
      connecting.catch(() => {});
      const authUrl = await bridge.authorizationUrl();
      assert.equal(authUrl.origin + authUrl.pathname, `${env.main.baseUrl}/oauth/authorize`, 'mcp-remote offers our sign-in');
      assert.ok(authUrl.searchParams.get('client_id'), 'after registering a client');
      await assert.rejects(connecting, 'nobody approves: the bridge gives up after --auth-timeout');
      assert.doesNotMatch(bridge.stderr(), /Dynamic Client Registration rejected|HTTP 404/, safe(bridge.stderr()).slice(-800));
    } finally {
      env.secrets.push(...(await bridge.close()));
    }
  });

  test('MCP Inspector CLI with a bad static token shows our 401 message, not a registration error', T, async () => {
    const res = await inspector([env.main.mcpUrl, '--transport', 'http', '--header', `Authorization: Bearer ${randomToken()}`, '--method', 'tools/list']);
    assert.notEqual(res.code, 0, 'the Inspector fails');
    const out = `${res.stdout}\n${res.stderr}`;
    assert.match(out, /The token is not valid/, `our message reaches the user: ${safe(out).slice(-800)}`);
    assert.doesNotMatch(out, /Registration rejected|HTTP 404/i);
  });
});

describe('no secret in logs or on disk (OAuth servers)', () => {
  test('both servers stop on SIGTERM; their logs, the CLI logs, mcp-remote\'s stderr and every data-dir file hold no token, refresh token, code or admin key', { timeout: 120_000 }, async () => {
    for (const server of [env.main, env.short]) {
      const exit = await server.stop(30_000);
      assert.equal(exit?.graceful, true, `server ${server.port} exited after SIGTERM`);
    }
    assert.ok(env.secrets.some((x) => x.startsWith('luc_mcp_')), 'the tests saw access tokens');
    assert.ok(env.secrets.some((x) => !x.startsWith('luc_mcp_')), 'and refresh tokens or codes');
    const needles = needlesOf(secretsKnown());
    const files = [MCP_REMOTE_LOG];
    for (const server of [env.main, env.short]) {
      files.push(server.logFile, server.cliLogFile, ...(await listFiles(server.dataDir)));
    }
    const findings = await scanFiles(files.filter((f) => existsSync(f)), needles);
    assert.deepEqual(findings.map((f) => `${f.what} in ${f.file} (${f.encoding} @${f.offset})`), [], 'no secret anywhere');
  });
});
