// Organization settings → MCP (PRODUCT.txt steps 1–2) in a real headless Chromium:
// an org admin signs in with an admin key, creates a token, copies it from the shown-once
// dialog and its client snippets, uses it with the MCP SDK client, sees Last used, revokes
// it through the UI; a second org's admin sees none of it.
//
// The page is driven through its data-testid contract. Secrets never reach a file: the
// plaintext token and admin keys stay in memory (and in server.mintedTokens, for the final
// secrets scan), assertion messages are redacted, the browser profile lives in its own temp
// dir outside the server's data dir and is deleted, and screenshots go to e2e/artifacts/.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, test } from 'node:test';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { adminRequest, createAdminKey, randomAdminKey, redactSecrets, tokensOf } from '../../lib/admin.js';
import { launchBrowser, watchPage } from '../../lib/browser.js';
import { callTool, collectAll, connectClient, postInitialize, withClient } from '../../lib/mcp.js';
import { ARTIFACTS_DIR, TOKEN_PATTERN } from '../../lib/server.js';
import { SAMPLE_ISSUE_ID } from './prompts.js';

const T = { timeout: 180_000 };
const UI_TIMEOUT_MS = 20_000;
const LAST_USED_WAIT_MS = 90_000; // last-used writes may be coalesced (as in last-used.js)
const TOKEN_NAME = 'browser test';
const XSS_NAME = '<img src=x onerror="window.__lucentXss=1">&amp;';
const FOREIGN_ORIGIN = 'http://evil.example';

const tid = (id) => `[data-testid="${id}"]`;

/** Fails with a redacted message unless `actual === expected` (both may hold a secret). */
function assertSecretEqual(actual, expected, what) {
  if (actual !== expected) {
    assert.fail(`${what}: expected ${redactSecrets(JSON.stringify(expected))}, got ${redactSecrets(JSON.stringify(actual))}`);
  }
}

async function visible(locator, what, timeout = UI_TIMEOUT_MS) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    assert.fail(`${what} did not become visible within ${timeout} ms`);
  }
}

async function hidden(locator, what, timeout = UI_TIMEOUT_MS) {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch {
    assert.fail(`${what} is still visible after ${timeout} ms`);
  }
}

/** Polls `fn` until it returns a truthy value or `timeout` passes; returns the last value. */
async function eventually(fn, timeout = UI_TIMEOUT_MS, every = 250) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value || Date.now() > deadline) return value;
    await sleep(every);
  }
}

const text = async (locator) => ((await locator.textContent()) ?? '').trim();

function rowById(page, id) {
  return page.locator(`tr[data-testid="token-row"][data-token-id="${id}"]`);
}

function rowsByName(page, name) {
  return page.locator('tr[data-testid="token-row"]').filter({
    has: page.locator(tid('token-name'), { hasText: new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }),
  });
}

/** Everything in the page a secret could still hide in: markup, input values, storage, URL, history. */
function pageSecretsSurface(page) {
  return page.evaluate(() => {
    const dump = (s) => {
      const out = [];
      for (let i = 0; i < s.length; i += 1) out.push(`${s.key(i)}=${s.getItem(s.key(i))}`);
      return out.join('\n');
    };
    return {
      html: document.documentElement.outerHTML,
      text: document.body ? document.body.innerText : '',
      inputs: [...document.querySelectorAll('input, textarea')].map((e) => e.value).join('\n'),
      local: dump(window.localStorage),
      session: dump(window.sessionStorage),
      url: window.location.href,
      history: JSON.stringify(window.history.state ?? null),
      cookie: document.cookie,
    };
  });
}

function assertNotInSurface(surface, secret, what) {
  for (const [where, value] of Object.entries(surface)) {
    assert.ok(!value.includes(secret), `${what} must not be in the page's ${where}`);
    assert.ok(!value.includes(secret.slice(8)), `the secret part of ${what} must not be in the page's ${where}`);
  }
}

async function signIn(page, baseUrl, key, org) {
  await page.goto(`${baseUrl}/admin/`);
  await visible(page.locator(tid('login-form')), `[login-form] on ${baseUrl}/admin/`);
  await page.locator(tid('admin-key-input')).fill(key);
  await page.locator(tid('login-submit')).click();
  await visible(page.locator(tid('org-name')), `[org-name] after signing in as ${org}`);
  await visible(page.locator(tid('token-table')), '[token-table] after signing in');
}

/** The create dialog refused the name: an error is shown (client or server), no token dialog. */
async function assertRefused(page, what) {
  const input = page.locator(tid('token-name-input'));
  const refused = await eventually(async () => {
    const err = page.locator(tid('create-error'));
    if ((await err.isVisible()) && (await text(err)).length > 0) return 'create-error';
    // The browser's own validation counts only where it blocks the submit (no novalidate).
    if (await input.evaluate((el) => !(el.form && el.form.noValidate) && !el.checkValidity())) return 'constraint validation';
    return null;
  }, 10_000);
  assert.ok(refused, `${what}: neither [create-error] nor the input's own validation refused it`);
  assert.equal(await page.locator(tid('token-dialog')).isVisible(), false, `${what}: no shown-once dialog`);
  assert.equal(await page.locator(tid('create-dialog')).isVisible(), true, `${what}: the create dialog stays open`);
  return refused;
}

function parseSnippet(snippet, what) {
  try {
    return JSON.parse(snippet);
  } catch (err) {
    assert.fail(`${what} is not valid JSON (${err.message}): ${redactSecrets(snippet).slice(0, 400)}`);
  }
}

function sessionCookieHeader(cookies) {
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export default function register(env) {
  describe('Organization settings → MCP page in headless Chromium', () => {
    const s = {}; // state shared by the steps, in order
    const browsers = [];
    let mcpClient = null;

    after(async () => {
      if (mcpClient) await mcpClient.close().catch(() => {});
      for (const b of browsers) await b.close().catch(() => {});
    });

    async function openBrowser() {
      const b = await launchBrowser({ avoidDirs: [env.server.tmpDir, env.server.dataDir] });
      browsers.push(b);
      b.watch = watchPage(b.page);
      return b;
    }

    test('sign in: a wrong admin key is refused, the right one opens acme; the session cookie is HttpOnly and SameSite=Strict', T, async () => {
      const base = env.server.baseUrl;
      s.acmeKey = await createAdminKey(env.server, 'acme');
      s.acme = await openBrowser();
      const { page, context } = s.acme;

      const before = await context.cookies(`${base}/admin/`);
      assert.deepEqual(before, [], 'a fresh profile has no cookies');
      await page.goto(`${base}/admin/`);
      await visible(page.locator(tid('login-form')), '[login-form]');
      assert.equal(await page.locator(tid('org-name')).isVisible(), false, 'no org shown before signing in');

      await page.locator(tid('admin-key-input')).fill(randomAdminKey());
      await page.locator(tid('login-submit')).click();
      await visible(page.locator(tid('login-error')), '[login-error] after a wrong admin key');
      assert.ok((await text(page.locator(tid('login-error')))).length > 0, '[login-error] says something');
      assert.equal(await page.locator(tid('org-name')).isVisible(), false, 'a wrong key does not sign in');
      assert.deepEqual(await context.cookies(`${base}/admin/`), [], 'a wrong key sets no cookie');
      await page.screenshot({ path: join(await artifacts(), 'settings-login-error.png') });

      await page.locator(tid('admin-key-input')).fill(s.acmeKey);
      await page.locator(tid('login-submit')).click();
      await visible(page.locator(tid('org-name')), '[org-name] after the right admin key');
      assert.match(await text(page.locator(tid('org-name'))), /\bacme\b/, '[org-name] shows acme');
      await visible(page.locator(tid('token-table')), '[token-table]');
      await hidden(page.locator(tid('login-form')), '[login-form] after signing in');

      const cookies = await context.cookies(`${base}/admin/`);
      assert.ok(cookies.length > 0, 'signing in sets a session cookie');
      for (const c of cookies) {
        assert.equal(c.httpOnly, true, `cookie ${c.name} is HttpOnly`);
        assert.equal(c.sameSite, 'Strict', `cookie ${c.name} is SameSite=Strict`);
        env.server.mintedTokens.push(c.value); // the final secrets scan looks for session secrets too
      }
      const documentCookie = await page.evaluate(() => document.cookie);
      for (const c of cookies) {
        assert.ok(!documentCookie.includes(c.value), `cookie ${c.name} is not readable through document.cookie`);
      }
      s.acmeCookie = sessionCookieHeader(cookies);
      assertNotInSurface(await pageSecretsSurface(page), s.acmeKey, 'the admin key');
    });

    test('admin API guards: no session -> 401, foreign or missing Origin refused, an MCP token is no admin key and vice versa', T, async () => {
      assert.ok(s.acmeCookie, 'needs the session of the sign-in step');
      const base = env.server.baseUrl;

      const anonymous = await adminRequest(base, '/admin/api/tokens');
      assert.equal(anonymous.status, 401, `GET /admin/api/tokens without a session: ${anonymous.status}`);

      const listed = await adminRequest(base, '/admin/api/tokens', { cookie: s.acmeCookie });
      assert.equal(listed.status, 200, `GET /admin/api/tokens with the session: ${listed.status} ${redactSecrets(listed.text).slice(0, 300)}`);
      const tokens = tokensOf(listed.json);
      assert.ok(tokens.some((t) => t.name === 'e2e acme'), 'the API lists the CLI-minted acme token');
      assert.doesNotMatch(listed.text, /luc_mcp_|luc_adm_/, 'the token list carries no secret');
      assert.doesNotMatch(listed.text, /[0-9a-fA-F]{64}/, 'the token list carries no hash');
      s.countBefore = tokens.length;

      for (const [label, origin] of [['a foreign Origin', FOREIGN_ORIGIN], ['no Origin', undefined]]) {
        const res = await adminRequest(base, '/admin/api/tokens', {
          method: 'POST',
          cookie: s.acmeCookie,
          origin,
          body: { name: `csrf probe ${label}` },
        });
        assert.ok(res.status >= 400 && res.status < 500, `POST /admin/api/tokens with ${label} is refused: got ${res.status}`);
        assert.doesNotMatch(res.text, /luc_mcp_/, `no token in the refusal (${label})`);
      }
      const tooLong = await adminRequest(base, '/admin/api/tokens', {
        method: 'POST',
        cookie: s.acmeCookie,
        origin: base,
        body: { name: 'n'.repeat(65) },
      });
      assert.equal(tooLong.status, 400, `POST /admin/api/tokens with a 65-character name: ${tooLong.status} ${redactSecrets(tooLong.text).slice(0, 200)}`);
      const after = tokensOf((await adminRequest(base, '/admin/api/tokens', { cookie: s.acmeCookie })).json);
      assert.equal(after.length, s.countBefore, 'refused requests created nothing');

      const mcpTokenAsKey = await adminRequest(base, '/admin/api/session', { method: 'POST', origin: base, body: { admin_key: env.acme } });
      assert.equal(mcpTokenAsKey.status, 401, `an MCP token does not sign in to /admin: ${mcpTokenAsKey.status}`);
      assert.equal(mcpTokenAsKey.headers.get('set-cookie'), null, 'no cookie for an MCP token');
      const keyAsToken = await postInitialize(env.server.mcpUrl, `Bearer ${s.acmeKey}`);
      assert.equal(keyAsToken.status, 401, `an admin key does not open /api/mcp: ${keyAsToken.status}`);
    });

    test('create token: blank, whitespace-only and 65-character names are refused and nothing is created', T, async () => {
      assert.ok(s.acme, 'needs the signed-in browser');
      const { page } = s.acme;
      const rows = page.locator('tr[data-testid="token-row"]');
      await visible(rowsByName(page, 'e2e acme'), 'the CLI-minted "e2e acme" row');
      const rowsBefore = await rows.count();

      await page.locator(tid('create-token-button')).click();
      const dialog = page.locator(`dialog${tid('create-dialog')}`);
      await visible(dialog, 'dialog[create-dialog]');
      assert.equal(await dialog.evaluate((d) => d.open), true, 'the create dialog is open');
      await page.locator(tid('create-cancel')).click();
      await hidden(dialog, 'dialog[create-dialog] after cancel');

      await page.locator(tid('create-token-button')).click();
      await visible(dialog, 'dialog[create-dialog] reopened');
      const input = page.locator(tid('token-name-input'));

      await input.fill('');
      await page.locator(tid('create-submit')).click();
      s.refusals = { blank: await assertRefused(page, 'a blank name') };

      await input.fill('   ');
      await page.locator(tid('create-submit')).click();
      s.refusals.whitespace = await assertRefused(page, 'a whitespace-only name');

      await input.fill('n'.repeat(65));
      const typed = await input.inputValue();
      if (typed.length === 65) {
        await page.locator(tid('create-submit')).click();
        s.refusals.tooLong = await assertRefused(page, 'a 65-character name');
      } else {
        // maxlength stops typing at 64; force 65 characters in to reach the server's own check.
        assert.ok(typed.length <= 64, `the input keeps at most 64 characters (has ${typed.length})`);
        s.refusals.typing = 'maxlength';
        await input.evaluate((el) => {
          el.value = 'n'.repeat(65);
          el.dispatchEvent(new Event('input', { bubbles: true }));
        });
        await page.locator(tid('create-submit')).click();
        s.refusals.tooLong = await assertRefused(page, 'a 65-character name set past maxlength');
      }

      await sleep(500); // a stray request would have landed by now
      assert.equal(await rows.count(), rowsBefore, 'no row was added');
      const listed = tokensOf((await adminRequest(env.server.baseUrl, '/admin/api/tokens', { cookie: s.acmeCookie })).json);
      assert.equal(listed.length, s.countBefore, 'the server created no token');
    });

    test(`create token "${TOKEN_NAME}": the shown-once dialog holds the plaintext, four snippets and a working copy button`, T, async () => {
      assert.ok(s.acme, 'needs the signed-in browser');
      const { page, context } = s.acme;
      const dialog = page.locator(`dialog${tid('create-dialog')}`);
      if (!(await dialog.isVisible())) {
        await page.locator(tid('create-token-button')).click();
        await visible(dialog, 'dialog[create-dialog]');
      }
      await page.locator(tid('token-name-input')).fill(TOKEN_NAME);
      await page.locator(tid('create-submit')).click();

      const shown = page.locator(`dialog${tid('token-dialog')}`);
      await visible(shown, 'dialog[token-dialog] after creating a token');
      assert.equal(await shown.evaluate((d) => d.open), true, 'the shown-once dialog is open');
      const token = (await page.locator(tid('token-plaintext')).textContent()) ?? '';
      if (token.startsWith('luc_mcp_')) env.server.mintedTokens.push(token);
      assert.ok(TOKEN_PATTERN.test(token), `[token-plaintext] is exactly a luc_mcp_ token (${token.length} characters: ${redactSecrets(token)})`);
      s.token = token;

      const mcpUrl = env.server.mcpUrl;
      const snippet = {};
      for (const client of ['claude-code', 'cursor', 'claude-desktop', 'windsurf']) {
        const el = page.locator(tid(`snippet-${client}`));
        assert.equal(await el.count(), 1, `[snippet-${client}] is in the DOM while the dialog is open`);
        snippet[client] = ((await el.textContent()) ?? '').trim();
        assert.ok(snippet[client].includes(token), `[snippet-${client}] contains the token`);
        assert.ok(snippet[client].includes(mcpUrl), `[snippet-${client}] contains ${mcpUrl}`);
      }

      const claudeCode = snippet['claude-code'].replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
      assertSecretEqual(
        claudeCode,
        `claude mcp add --transport http lucent ${mcpUrl} --header "Authorization: Bearer ${token}"`,
        '[snippet-claude-code]',
      );

      const cursor = parseSnippet(snippet.cursor, '[snippet-cursor]');
      assert.equal(cursor?.mcpServers?.lucent?.url, mcpUrl, 'Cursor: mcpServers.lucent.url');
      assertSecretEqual(cursor.mcpServers.lucent.headers?.Authorization, `Bearer ${token}`, 'Cursor: headers.Authorization');

      const desktop = parseSnippet(snippet['claude-desktop'], '[snippet-claude-desktop]');
      const lucent = desktop?.mcpServers?.lucent;
      assert.equal(lucent?.command, 'npx', 'Claude Desktop: command npx');
      assert.ok(Array.isArray(lucent.args), 'Claude Desktop: args is an array');
      const args = lucent.args;
      const at = (v) => args.indexOf(v);
      assert.ok(at('-y') >= 0 && at('-y') < at('mcp-remote'), `Claude Desktop: args run "-y" "mcp-remote": ${redactSecrets(JSON.stringify(args))}`);
      assert.ok(at(mcpUrl) > at('mcp-remote'), 'Claude Desktop: the MCP URL follows mcp-remote');
      assert.ok(at('--header') > at('mcp-remote') && args[at('--header') + 1] === 'Authorization:${AUTH_HEADER}', 'Claude Desktop: --header Authorization:${AUTH_HEADER}');
      assert.ok(!JSON.stringify(args).includes(token), 'Claude Desktop: the token is in env, not in args');
      assertSecretEqual(lucent.env?.AUTH_HEADER, `Bearer ${token}`, 'Claude Desktop: env.AUTH_HEADER');

      const windsurf = parseSnippet(snippet.windsurf, '[snippet-windsurf]');
      assert.equal(windsurf?.mcpServers?.lucent?.serverUrl, mcpUrl, 'Windsurf: mcpServers.lucent.serverUrl');
      assertSecretEqual(windsurf.mcpServers.lucent.headers?.Authorization, `Bearer ${token}`, 'Windsurf: headers.Authorization');

      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.baseUrl });
      await page.locator(tid('copy-token')).click();
      const copied = await eventually(async () => {
        const clip = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
        return clip === token ? clip : null;
      }, 5_000);
      assert.ok(copied, '[copy-token] puts exactly the token on the clipboard');
      await page.evaluate(() => navigator.clipboard.writeText('')).catch(() => {});

      // The dialog over the settings view; the plaintext in this image is revoked below.
      await page.screenshot({ path: join(await artifacts(), 'settings-token-dialog.png') });
    });

    test('the new token works with the MCP SDK client: tools/list, and list_issues returns acme data', T, async () => {
      assert.ok(s.token, 'needs the token created in the browser');
      mcpClient = await connectClient(env.server.mcpUrl, s.token, 'lucent-e2e-browser-token');
      const { tools } = await mcpClient.listTools();
      assert.ok(tools.some((t) => t.name === 'list_issues'), 'tools/list has list_issues');
      mcpClient.toolsListed = true;
      const mine = await collectAll(mcpClient, 'list_issues', { status: 'all', limit: 100 }, 'issues');
      const ids = mine.items.map((i) => i.id);
      assert.ok(ids.length > 0, 'list_issues returns issues');
      assert.ok(ids.includes(SAMPLE_ISSUE_ID), 'the acme sample issue is there');
      const reference = await withClient(env.server.mcpUrl, env.acme, async (client) =>
        (await collectAll(client, 'list_issues', { status: 'all', limit: 100 }, 'issues')).items.map((i) => i.id),
      );
      assert.deepEqual([...ids].sort(), [...reference].sort(), 'the same issues as the CLI-minted acme token');
      s.usedAt = Date.now();
    });

    test('closing the dialog forgets the plaintext; the row is Active and shows Last used after a reload', { timeout: 240_000 }, async () => {
      assert.ok(s.token && s.usedAt, 'needs the token and its use');
      const { page } = s.acme;
      await page.locator(tid('token-dialog-close')).click();
      await hidden(page.locator(`dialog${tid('token-dialog')}`), 'dialog[token-dialog] after close');
      const row = rowsByName(page, TOKEN_NAME);
      await visible(row, `the "${TOKEN_NAME}" row`);
      assert.equal(await row.count(), 1, `exactly one "${TOKEN_NAME}" row`);
      s.tokenId = await row.getAttribute('data-token-id'); // set early: the revoke step runs even if a check below fails
      assert.ok(s.tokenId, 'the row has data-token-id');
      await sleep(300);
      assertNotInSurface(await pageSecretsSurface(page), s.token, 'the plaintext token');

      assert.equal(await text(row.locator(tid('token-status'))), 'Active', 'status Active');
      assert.equal(await row.locator(tid('revoke-button')).count(), 1, 'an active row has a revoke button');
      assert.ok((await text(row.locator(tid('token-created')))).length > 0, 'Created is filled in');

      const cli = (await env.server.listTokens('acme')).find((t) => t.id === s.tokenId);
      assert.ok(cli, 'the token created in the browser is in the store (token list --json, same id)');
      assert.equal(cli.name, TOKEN_NAME, 'same name in the CLI');
      assert.equal(cli.revoked_at, null, 'not revoked');

      // A CLI-made token whose name is markup: shown as text, never run.
      s.xss = await env.server.createTokenWithId('acme', XSS_NAME);

      const deadline = Date.now() + LAST_USED_WAIT_MS;
      let lastUsed;
      for (;;) {
        await page.reload();
        await visible(page.locator(tid('org-name')), '[org-name] after a reload (the session survives it)');
        const r = rowById(page, s.tokenId);
        await visible(r, `row ${s.tokenId} after a reload`);
        const cell = r.locator(tid('token-last-used'));
        lastUsed = { text: await text(cell), title: await cell.getAttribute('title') };
        if (lastUsed.text !== 'Never' || Date.now() > deadline) break;
        await sleep(3_000);
      }
      assert.notEqual(lastUsed.text, 'Never', `Last used is set within ${LAST_USED_WAIT_MS / 1000} s of the MCP call`);
      assert.match(lastUsed.text, /ago|just now|^now$/i, `Last used is relative: "${lastUsed.text}"`);
      assert.match(lastUsed.title ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, `Last used title is an ISO time: "${lastUsed.title}"`);
      const at = Date.parse(lastUsed.title);
      assert.ok(at >= s.usedAt - 180_000 && at <= Date.now() + 120_000, `Last used ${lastUsed.title} is about the MCP call`);
      assertNotInSurface(await pageSecretsSurface(page), s.token, 'the plaintext token (after reload)');

      const xssRow = rowById(page, s.xss.id);
      await visible(xssRow, 'the row of the token named with markup');
      assert.equal(await xssRow.locator(tid('token-name')).textContent().then((t) => t.trim()), XSS_NAME, 'a name with markup shows as text');
      assert.equal(await xssRow.locator('img').count(), 0, 'no element is created from a token name');
      assert.equal(await page.evaluate(() => window.__lucentXss), undefined, 'no script ran from a token name');

      await page.screenshot({ path: join(await artifacts(), 'settings-table.png'), fullPage: true });
    });

    test('revoke through the UI: cancel keeps it Active; confirm -> Revoked; the next MCP request gets 401', T, async () => {
      assert.ok(s.tokenId && mcpClient, 'needs the token row and the open MCP session');
      const { page } = s.acme;
      const row = rowById(page, s.tokenId);
      const revokeDialog = page.locator(`dialog${tid('revoke-dialog')}`);

      await row.locator(tid('revoke-button')).click();
      await visible(revokeDialog, 'dialog[revoke-dialog]');
      await page.locator(tid('revoke-cancel')).click();
      await hidden(revokeDialog, 'dialog[revoke-dialog] after cancel');
      await sleep(500);
      assert.equal(await text(row.locator(tid('token-status'))), 'Active', 'still Active after cancel');
      assert.equal((await env.server.listTokens('acme')).find((t) => t.id === s.tokenId)?.revoked_at, null, 'cancel revoked nothing');
      const stillWorks = await callTool(mcpClient, 'list_signals', {});
      assert.notEqual(stillWorks.isError, true, 'the token still works after cancel');

      await row.locator(tid('revoke-button')).click();
      await visible(revokeDialog, 'dialog[revoke-dialog] again');
      await page.locator(tid('revoke-confirm')).click();
      await hidden(revokeDialog, 'dialog[revoke-dialog] after confirm');
      const revoked = await eventually(async () => (await text(row.locator(tid('token-status')))) === 'Revoked');
      assert.ok(revoked, `status turns Revoked (is "${await text(row.locator(tid('token-status')))}")`);
      assert.equal(await row.locator(tid('revoke-button')).count(), 0, 'a revoked row has no revoke button');

      // The very next request of the open MCP session, then a fresh initialize.
      let failure = null;
      try {
        await callTool(mcpClient, 'list_issues', {});
      } catch (err) {
        failure = err;
      }
      assert.ok(failure, 'the open MCP session is refused after revocation');
      assert.ok(
        failure instanceof StreamableHTTPError && failure.code === 401,
        `the refusal is HTTP 401: ${redactSecrets(failure?.message ?? failure)}`,
      );
      const fresh = await postInitialize(env.server.mcpUrl, `Bearer ${s.token}`);
      assert.equal(fresh.status, 401, `initialize with the revoked token: ${fresh.status}`);

      assert.ok((await env.server.listTokens('acme')).find((t) => t.id === s.tokenId)?.revoked_at, 'token list shows revoked_at');
      await page.reload();
      await visible(rowById(page, s.tokenId), 'the revoked row after a reload');
      assert.equal(await text(rowById(page, s.tokenId).locator(tid('token-status'))), 'Revoked', 'still Revoked after a reload');
      await page.screenshot({ path: join(await artifacts(), 'settings-revoked.png'), fullPage: true });
    });

    test('isolation: a globex admin in a fresh browser sees no acme token and cannot revoke one', T, async () => {
      assert.ok(s.tokenId, 'needs the acme token id');
      const base = env.server.baseUrl;
      const globexKey = await createAdminKey(env.server, 'globex');
      const globex = await openBrowser();
      assert.deepEqual(await globex.context.cookies(`${base}/admin/`), [], 'the fresh profile carries no acme session');
      await signIn(globex.page, base, globexKey, 'globex');
      assert.match(await text(globex.page.locator(tid('org-name'))), /\bglobex\b/, '[org-name] shows globex');
      await visible(rowsByName(globex.page, 'e2e globex'), 'the CLI-minted "e2e globex" row');

      const acmeIds = (await env.server.listTokens('acme')).map((t) => t.id);
      const shownIds = await globex.page.locator('tr[data-testid="token-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.tokenId));
      assert.deepEqual(shownIds.filter((id) => acmeIds.includes(id)), [], 'no acme row on the globex page');
      assert.equal(await rowsByName(globex.page, TOKEN_NAME).count(), 0, `no "${TOKEN_NAME}" row for globex`);
      assert.ok(!(await globex.page.content()).includes(s.tokenId), 'the acme token id appears nowhere on the globex page');

      const globexCookie = sessionCookieHeader(await globex.context.cookies(`${base}/admin/`));
      for (const c of await globex.context.cookies(`${base}/admin/`)) env.server.mintedTokens.push(c.value);
      const acmeLive = (await env.server.listTokens('acme')).find((t) => t.name === 'e2e acme');
      assert.ok(acmeLive && !acmeLive.revoked_at, 'the CLI-minted acme token is active');
      const attempt = await adminRequest(base, `/admin/api/tokens/${encodeURIComponent(acmeLive.id)}/revoke`, {
        method: 'POST',
        cookie: globexCookie,
        origin: base,
        body: {},
      });
      assert.ok(attempt.status >= 400 && attempt.status < 500, `globex revoking an acme token is refused: got ${attempt.status}`);
      const after = (await env.server.listTokens('acme')).find((t) => t.id === acmeLive.id);
      assert.equal(after.revoked_at, null, 'the acme token is still active');
      const list = await adminRequest(base, '/admin/api/tokens', { cookie: globexCookie });
      assert.deepEqual(tokensOf(list.json).filter((t) => acmeIds.includes(t.id)), [], 'the globex API lists no acme token');
      await globex.page.screenshot({ path: join(await artifacts(), 'settings-globex.png'), fullPage: true });
      assert.deepEqual(globex.watch.pageErrors, [], 'no uncaught errors on the globex page');
    });

    test('sign out ends the session on the server; the page made no third-party request and threw no error', T, async () => {
      assert.ok(s.acme && s.acmeCookie, 'needs the signed-in browser');
      const { page } = s.acme;
      await page.locator(tid('logout-button')).click();
      await visible(page.locator(tid('login-form')), '[login-form] after signing out');
      await hidden(page.locator(tid('org-name')), '[org-name] after signing out');
      const old = await adminRequest(env.server.baseUrl, '/admin/api/tokens', { cookie: s.acmeCookie });
      assert.equal(old.status, 401, `the signed-out session cookie no longer works: ${old.status}`);
      await page.reload();
      await visible(page.locator(tid('login-form')), '[login-form] after a reload once signed out');

      const base = env.server.baseUrl;
      const foreign = s.acme.watch.requests.filter((r) => !r.url.startsWith(`${base}/`) && !/^(data|blob|about):/.test(r.url));
      assert.deepEqual(foreign.map((r) => redactSecrets(r.url)), [], 'the page loads nothing from elsewhere');
      assert.deepEqual(s.acme.watch.pageErrors.map(redactSecrets), [], 'no uncaught errors on the page');
    });
  });
}

async function artifacts() {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return ARTIFACTS_DIR;
}
