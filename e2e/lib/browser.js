// Headless Chromium for the settings-page test, driven by playwright-core.
//
// playwright-core never downloads a browser: it drives the system's Chromium
// (Debian package `chromium`, /usr/bin/chromium; `.ci/run` installs it).
//
// Environment:
//   CHROMIUM_PATH   Chromium/Chrome executable to use instead of /usr/bin/chromium

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Without the background-networking flags Chromium phones home (component updates,
 * sync, variations…), and this machine's closed network refuses those connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const LAUNCH_TIMEOUT_MS = 60_000;
export const ACTION_TIMEOUT_MS = 20_000;

function isInside(dir, parent) {
  const rel = relative(resolve(parent), resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
}

/**
 * Launches headless Chromium on a fresh user-data dir of its own (a new, empty profile:
 * no cookies, no storage), under the system temp dir and never inside `avoidDirs`
 * (the server's temp dir, whose data dir the secrets scan reads).
 * Resolves with { context, page, userDataDir, close() }; close() also deletes the profile.
 */
export async function launchBrowser({ avoidDirs = [], viewport = { width: 1280, height: 860 }, args = [] } = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install the Debian package (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`,
    );
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'lucent-browser-profile-'));
  for (const dir of avoidDirs) {
    if (dir && isInside(userDataDir, dir)) {
      await rm(userDataDir, { recursive: true, force: true });
      throw new Error(`browser profile ${userDataDir} would be inside ${dir}`);
    }
  }
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...args],
      timeout: LAUNCH_TIMEOUT_MS,
      viewport,
      acceptDownloads: false,
      serviceWorkers: 'block',
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    userDataDir,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Records what a page does that a test may want to assert on afterwards:
 * uncaught errors, console errors, and every request URL.
 */
export function watchPage(page) {
  const seen = { pageErrors: [], consoleErrors: [], requests: [] };
  page.on('pageerror', (err) => seen.pageErrors.push(String(err?.message ?? err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') seen.consoleErrors.push(msg.text());
  });
  page.on('request', (req) => seen.requests.push({ method: req.method(), url: req.url() }));
  return seen;
}
