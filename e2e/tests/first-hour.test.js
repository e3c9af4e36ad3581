// The first hour on the settings page (issue 16), in headless Chromium against the built server:
// both loopback spellings sign in, focus follows sign-in and revoke, the name field counts, the
// shown-once dialog asks before it drops an uncopied token (Escape included), the page works at
// 390 px, and the Claude Desktop snippet adds mcp-remote's --allow-http for a plain-http host.

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createAdminKey } from '../lib/admin.js';
import { launchBrowser } from '../lib/browser.js';
import { LucentServer } from '../lib/server.js';

const T = { timeout: 180_000 };
const tid = (id) => `[data-testid="${id}"]`;

let server;
let adminKey;

before(
  async () => {
    server = await LucentServer.start();
    adminKey = await createAdminKey(server, 'acme');
  },
  { timeout: 10 * 60_000 },
);

after(async () => {
  if (server) await server.cleanup();
});

async function withBrowser(options, fn) {
  const browser = await launchBrowser({ avoidDirs: [server.tmpDir], ...options });
  try {
    return await fn(browser.page);
  } finally {
    await browser.close();
  }
}

async function signIn(page, baseUrl, key = adminKey) {
  await page.goto(`${baseUrl}/admin/`);
  await page.locator(tid('admin-key-input')).fill(key);
  await page.locator(tid('login-submit')).click();
  await page.locator(tid('token-table')).waitFor({ state: 'visible' });
}

/** Creates a token through the page; resolves once the shown-once dialog is open. */
async function createToken(page, name) {
  await page.locator(tid('create-token-button')).click();
  await page.locator(tid('token-name-input')).fill(name);
  await page.locator(tid('create-submit')).click();
  await page.locator(tid('token-dialog')).waitFor({ state: 'visible' });
}

const activeTestId = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.id ?? null);

describe('settings page, first hour', () => {
  // [::1] as an Origin is covered by bootstrap's LoopbackOriginsTest: this server listens on 127.0.0.1 only.
  test('signs in at localhost as well as 127.0.0.1, and focus moves to the page heading', T, async () => {
    for (const host of ['localhost', '127.0.0.1']) {
      await withBrowser({}, async (page) => {
        await signIn(page, `http://${host}:${server.port}`);
        await page.waitForFunction(() => document.activeElement?.id === 'settings-title', null, { timeout: 5000 })
          .catch(() => {});
        assert.equal(await activeTestId(page), 'settings-title', `focus after signing in at ${host}`);
      });
    }
  });

  test('the name field has a maxlength and a counter', T, async () => {
    await withBrowser({}, async (page) => {
      await signIn(page, server.baseUrl);
      await page.locator(tid('create-token-button')).click();
      const input = page.locator(tid('token-name-input'));
      assert.equal(await input.getAttribute('maxlength'), '64');
      assert.equal((await page.locator(tid('token-name-count')).textContent()).trim(), '0/64');
      await input.pressSequentially('laptop');
      assert.equal((await page.locator(tid('token-name-count')).textContent()).trim(), '6/64');
    });
  });

  test('closing the shown-once dialog before copying asks first, with Escape too', T, async () => {
    await withBrowser({}, async (page) => {
      await signIn(page, server.baseUrl);
      await createToken(page, 'escape test');
      const dialog = page.locator(`dialog${tid('token-dialog')}`);
      const plaintext = page.locator(tid('token-plaintext'));
      const token = (await plaintext.textContent()).trim();
      server.mintedTokens.push(token);

      const asked = [];
      page.once('dialog', (question) => {
        asked.push(question.message());
        question.dismiss();
      });
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
      assert.equal(asked.length, 1, 'Escape asked for confirmation');
      assert.match(asked[0], /not copied the token/);
      assert.equal(await dialog.isVisible(), true, 'declining keeps the dialog open');
      assert.equal((await plaintext.textContent()).trim(), token, 'and the token on screen');

      page.once('dialog', (question) => question.dismiss());
      await page.locator(tid('token-dialog-close')).click();
      await page.waitForTimeout(300);
      assert.equal(await dialog.isVisible(), true, 'the close button asks as well');

      page.once('dialog', (question) => question.accept());
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal((await plaintext.textContent()).trim(), '', 'confirmed: the token is forgotten');
    });
  });

  test('after copying, the dialog closes without a question', T, async () => {
    await withBrowser({}, async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
      await signIn(page, server.baseUrl);
      await createToken(page, 'copied test');
      server.mintedTokens.push((await page.locator(tid('token-plaintext')).textContent()).trim());
      await page.locator(tid('copy-token')).click();
      await page.locator(tid('copy-token')).filter({ hasText: 'Copied' }).waitFor();
      let asked = false;
      page.once('dialog', (question) => {
        asked = true;
        question.dismiss();
      });
      await page.keyboard.press('Escape');
      await page.locator(`dialog${tid('token-dialog')}`).waitFor({ state: 'hidden' });
      assert.equal(asked, false);
      await page.evaluate(() => navigator.clipboard.writeText('')).catch(() => {});
    });
  });

  test('after revoking, focus is on the revoked row, not lost to the page', T, async () => {
    await withBrowser({}, async (page) => {
      await signIn(page, server.baseUrl);
      const { id } = await server.createTokenWithId('acme', 'revoke focus');
      await page.reload();
      await page.locator(`tr[data-token-id="${id}"]`).waitFor();
      await page.locator(`tr[data-token-id="${id}"] ${tid('revoke-button')}`).click();
      await page.locator(tid('revoke-confirm')).click();
      await page.locator(`tr[data-token-id="${id}"] .badge-revoked`).waitFor();
      const focused = await page.evaluate(() => ({
        testid: document.activeElement?.dataset?.testid,
        row: document.activeElement?.closest('tr')?.dataset?.tokenId,
      }));
      assert.deepEqual(focused, { testid: 'token-status', row: id });
    });
  });

  test('at 390 px wide, names wrap between words and Revoke and Copy stay on screen', T, async () => {
    const width = 390;
    await withBrowser({ viewport: { width, height: 844 } }, async (page) => {
      await signIn(page, server.baseUrl);
      await createToken(page, 'narrow screen laptop of the operations team');
      server.mintedTokens.push((await page.locator(tid('token-plaintext')).textContent()).trim());
      const copy = await page.locator(tid('copy-token')).boundingBox();
      assert.ok(copy && copy.x >= 0 && copy.x + copy.width <= width, `Copy within the screen: ${JSON.stringify(copy)}`);
      page.once('dialog', (question) => question.accept());
      await page.locator(tid('token-dialog-close')).click();
      await page.locator(`dialog${tid('token-dialog')}`).waitFor({ state: 'hidden' });

      const row = page.locator('tr[data-testid="token-row"]').filter({ hasText: 'narrow screen laptop' });
      await row.waitFor();
      const revoke = await row.locator(tid('revoke-button')).boundingBox();
      assert.ok(revoke && revoke.x >= 0 && revoke.x + revoke.width <= width, `Revoke within the screen: ${JSON.stringify(revoke)}`);
      const brokenWords = await row.locator(tid('token-name')).evaluate((cell) => {
        const node = cell.firstChild;
        const broken = [];
        let start = 0;
        for (const word of node.textContent.split(' ')) {
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + word.length);
          if (range.getClientRects().length > 1) broken.push(word);
          start += word.length + 1;
        }
        return broken;
      });
      assert.deepEqual(brokenWords, [], 'no word of the name is split across lines');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px too wide)`);
    });
  });

  test('the Claude Desktop snippet adds --allow-http for a plain-http URL that is not loopback', T, async () => {
    await withBrowser({}, async (page) => {
      await signIn(page, server.baseUrl);
      await createToken(page, 'loopback snippet');
      server.mintedTokens.push((await page.locator(tid('token-plaintext')).textContent()).trim());
      const snippet = JSON.parse(await page.locator(tid('snippet-claude-desktop')).textContent());
      assert.equal(snippet.mcpServers.lucent.args.includes('--allow-http'), false, 'loopback needs no --allow-http');
    });

    const port = await freePort();
    const publicUrl = `http://lucent.test:${port}`;
    const remote = await LucentServer.start({ serveArgs: ['--port', String(port), '--public-url', publicUrl] });
    try {
      const key = await createAdminKey(remote, 'acme');
      await withBrowser({ args: [`--host-resolver-rules=MAP lucent.test 127.0.0.1`] }, async (page) => {
        await signIn(page, publicUrl, key);
        await createToken(page, 'http snippet');
        remote.mintedTokens.push((await page.locator(tid('token-plaintext')).textContent()).trim());
        const args = JSON.parse(await page.locator(tid('snippet-claude-desktop')).textContent()).mcpServers.lucent.args;
        assert.deepEqual(args.slice(0, 3), ['-y', 'mcp-remote', `${publicUrl}/api/mcp`]);
        assert.equal(args.at(-1), '--allow-http');
      });
    } finally {
      await remote.cleanup();
    }
  });
});

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}
