// Harness for the OAuth end-to-end tests: what a real MCP client brings along when it signs in
// with nothing but the server's URL.
//
// - RecordingOAuthProvider: the SDK's OAuthClientProvider with in-memory storage; it remembers
//   every token set it was given, every authorization URL it was sent to, and the state it chose.
// - recordingFetch: the fetch the SDK transport uses for MCP, discovery, registration and token
//   requests; it keeps the method, path, status and grant_type of each (the secrets stay in memory).
// - callbackServer: the client's loopback redirect_uri (RFC 8252); captures code, state and iss.
// - cimdServer: the client's Client ID Metadata Document, served over HTTPS on loopback with a
//   certificate made here by the JDK's keytool; the Lucent server's JVM trusts it through
//   LUCENT_MCP_JAVA_OPTS (javax.net.ssl.trustStore). The SDK only uses a clientMetadataUrl that is
//   https, so plain http would test a client nobody runs.
// - consent: drives the consent page in Chromium (sign in with the "Admin key" form, then Allow or
//   Deny), waiting for the redirect to land on the callback server.
// - startMcpRemote: mcp-remote as a stdio bridge that signs in through OAuth.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { appendFile, chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { listFiles } from './scan.js';
import { E2E_DIR } from './server.js';

const run = promisify(execFile);

export const ACCESS_TOKEN_PATTERN = /^luc_mcp_[A-Za-z0-9_-]{32}$/;
export const CALLBACK_PATH = '/callback';
export const CALLBACK_WAIT_MS = 30_000;

/** Everything in `text` that looks like one of `secrets`, replaced, so failure messages carry none. */
export function redactAll(text, secrets) {
  let out = String(text);
  for (const s of secrets) if (s) out = out.split(s).join('<redacted>');
  return out.replace(/luc_[a-z]{2,4}_[A-Za-z0-9_-]{16,}/g, 'luc_<redacted>');
}

/** One line per recorded request, for assertion messages: "POST /oauth/token (refresh_token) -> 200". */
export function describeRequests(requests) {
  return requests.map((r) => `${r.method} ${r.path}${r.grantType ? ` (${r.grantType})` : ''} -> ${r.status}`).join('\n');
}

/**
 * A fetch that records what the SDK sent and got: method, URL, path, status, the
 * grant_type of form bodies and the bearer token (kept in memory, for comparisons only).
 */
export function recordingFetch() {
  const requests = [];
  const fetchFn = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    const body = init.body;
    let grantType = null;
    if (body instanceof URLSearchParams) grantType = body.get('grant_type');
    else if (typeof body === 'string' && /(^|&)grant_type=/.test(body)) grantType = new URLSearchParams(body).get('grant_type');
    let jsonRpcMethod = null;
    if (typeof body === 'string' && body.startsWith('{')) {
      try {
        jsonRpcMethod = JSON.parse(body).method ?? null;
      } catch {
        /* not JSON-RPC */
      }
    }
    const bearer = /^Bearer (.+)$/.exec(headers.get('authorization') ?? '')?.[1] ?? null;
    const entry = { method, url: url.href, path: url.pathname, grantType, jsonRpcMethod, bearer, status: null, wwwAuthenticate: null };
    requests.push(entry);
    const res = await fetch(input, init);
    entry.status = res.status;
    entry.wwwAuthenticate = res.headers.get('www-authenticate');
    return res;
  };
  return { fetchFn, requests };
}

/**
 * An OAuthClientProvider (SDK 1.x) keeping everything in memory. `onRedirect(url)` is called
 * from redirectToAuthorization: the test decides whether a browser opens the URL.
 */
export class RecordingOAuthProvider {
  constructor({ redirectUrl, clientName, clientMetadataUrl, onRedirect }) {
    this._redirectUrl = redirectUrl;
    this.clientName = clientName;
    if (clientMetadataUrl) this.clientMetadataUrl = clientMetadataUrl;
    this.onRedirect = onRedirect ?? (() => {});
    this.client = undefined;
    this.savedTokens = []; // every token set, in order (the last one is current)
    this.savedAt = []; // Date.now() of each
    this.current = undefined;
    this.authorizationUrls = [];
    this.states = [];
    this.verifier = undefined;
    this.discovery = undefined;
    this.invalidated = [];
  }

  get redirectUrl() {
    return this._redirectUrl;
  }

  get clientMetadata() {
    return {
      client_name: this.clientName,
      redirect_uris: [this._redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  state() {
    const s = randomBytes(16).toString('base64url');
    this.states.push(s);
    return s;
  }

  clientInformation() {
    return this.client;
  }

  saveClientInformation(info) {
    this.client = info;
  }

  tokens() {
    return this.current;
  }

  saveTokens(tokens) {
    this.current = tokens;
    this.savedTokens.push(tokens);
    this.savedAt.push(Date.now());
  }

  async redirectToAuthorization(url) {
    this.authorizationUrls.push(new URL(url));
    await this.onRedirect(new URL(url));
  }

  saveCodeVerifier(v) {
    this.verifier = v;
  }

  codeVerifier() {
    if (!this.verifier) throw new Error('no PKCE verifier saved');
    return this.verifier;
  }

  saveDiscoveryState(state) {
    this.discovery = state;
  }

  discoveryState() {
    return this.discovery;
  }

  invalidateCredentials(scope) {
    this.invalidated.push(scope);
    if (scope === 'all' || scope === 'tokens') this.current = undefined;
    if (scope === 'all' || scope === 'client') this.client = undefined;
    if (scope === 'all' || scope === 'verifier') this.verifier = undefined;
    if (scope === 'all' || scope === 'discovery') this.discovery = undefined;
  }

  /** Every secret this provider holds or held: access and refresh tokens. */
  secrets() {
    return this.savedTokens.flatMap((t) => [t.access_token, t.refresh_token]).filter(Boolean);
  }
}

function listen(server) {
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => res(server.address().port));
  });
}

function closeServer(server) {
  return new Promise((res) => {
    server.closeAllConnections?.();
    server.close(() => res());
  });
}

/**
 * The client's loopback redirect target. `next()` resolves with the query of the next
 * redirect that lands ({ code, state, iss, error, … }), or fails after CALLBACK_WAIT_MS.
 */
export async function callbackServer() {
  const landed = [];
  const waiters = [];
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname !== CALLBACK_PATH) {
      res.writeHead(404).end();
      return;
    }
    const params = Object.fromEntries(url.searchParams);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Signed in</title><p>You may close this window.</p>');
    const waiter = waiters.shift();
    if (waiter) waiter(params);
    else landed.push(params);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    next(timeoutMs = CALLBACK_WAIT_MS) {
      if (landed.length > 0) return Promise.resolve(landed.shift());
      return new Promise((res, rej) => {
        const timer = setTimeout(() => {
          const i = waiters.indexOf(done);
          if (i >= 0) waiters.splice(i, 1);
          rej(new Error(`no redirect reached the callback ${CALLBACK_PATH} within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = (params) => {
          clearTimeout(timer);
          res(params);
        };
        waiters.push(done);
      });
    },
    close: () => closeServer(server),
  };
}

/** JAVA_HOME and the server's default JVM options, as bin/java-env selects them. */
async function javaEnv() {
  const { stdout } = await run('bash', ['-c', '. bin/java-env >/dev/null && printf "%s\\n%s" "$JAVA_HOME" "$LUCENT_MCP_DEFAULT_JAVA_OPTS"'], {
    cwd: resolve(E2E_DIR, '..'),
  });
  const [javaHome, defaultOpts] = stdout.split('\n');
  return { javaHome, defaultOpts: defaultOpts ?? '' };
}

/**
 * A self-signed certificate for 127.0.0.1 made with keytool in `dir`: the key store for the
 * test's HTTPS server, and a trust store holding only that certificate for the server's JVM.
 * Resolves with { pfx, passphrase, javaOpts } (javaOpts: for LUCENT_MCP_JAVA_OPTS).
 */
export async function loopbackTls(dir) {
  const { javaHome, defaultOpts } = await javaEnv();
  const keytool = join(javaHome, 'bin', 'keytool');
  const passphrase = randomBytes(12).toString('hex');
  const keyStore = join(dir, 'cimd-server.p12');
  const certFile = join(dir, 'cimd-server.pem');
  const trustStore = join(dir, 'cimd-trust.p12');
  const common = ['-storetype', 'PKCS12', '-storepass', passphrase];
  await run(keytool, ['-genkeypair', '-alias', 'cimd', '-keyalg', 'EC', '-groupname', 'secp256r1', '-dname', 'CN=127.0.0.1',
    '-ext', 'san=ip:127.0.0.1', '-validity', '2', '-keystore', keyStore, '-keypass', passphrase, ...common]);
  await run(keytool, ['-exportcert', '-rfc', '-alias', 'cimd', '-keystore', keyStore, '-file', certFile, ...common]);
  await run(keytool, ['-importcert', '-noprompt', '-alias', 'cimd', '-file', certFile, '-keystore', trustStore, ...common]);
  const javaOpts = [
    defaultOpts,
    `-Djavax.net.ssl.trustStore=${trustStore}`,
    '-Djavax.net.ssl.trustStoreType=PKCS12',
    `-Djavax.net.ssl.trustStorePassword=${passphrase}`,
  ].join(' ').trim();
  return { pfx: await readFile(keyStore), passphrase, javaOpts };
}

/**
 * Serves Client ID Metadata Documents over HTTPS on 127.0.0.1. `documentUrl(name)` is the
 * client_id of a document; `put(name, doc)` sets one; `fetches` lists the paths the server fetched.
 */
export async function cimdServer(tls) {
  const documents = new Map();
  const fetches = [];
  const server = createHttpsServer({ pfx: tls.pfx, passphrase: tls.passphrase }, (req, res) => {
    const path = new URL(req.url, 'https://127.0.0.1').pathname;
    fetches.push({ method: req.method, path });
    const doc = documents.get(path);
    if (req.method !== 'GET' || !doc) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(doc));
  });
  const port = await listen(server);
  const origin = `https://127.0.0.1:${port}`;
  return {
    hostPort: `127.0.0.1:${port}`,
    documentUrl: (name) => `${origin}/clients/${name}.json`,
    put(name, doc) {
      documents.set(`/clients/${name}.json`, doc);
    },
    fetches,
    close: () => closeServer(server),
  };
}

/** Visible text of the page, whitespace collapsed. */
async function pageText(page) {
  return ((await page.locator('body').innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Opens `authorizationUrl` in the browser page, signs in through the "Admin key" form when the
 * page shows it, and clicks `decision` ("Allow" or "Deny"). Resolves with the consent page's
 * text (as shown before the click) once the browser has landed on `callbackUrl`.
 */
export async function consent(page, authorizationUrl, { adminKey, callbackUrl, decision = 'Allow', timeoutMs = 20_000 }) {
  await page.goto(String(authorizationUrl));
  const decisionButton = page.getByRole('button', { name: decision, exact: true });
  const keyInput = page.getByLabel('Admin key');
  try {
    await Promise.race([
      decisionButton.waitFor({ state: 'visible', timeout: timeoutMs }),
      keyInput.waitFor({ state: 'visible', timeout: timeoutMs }),
    ]);
  } catch {
    throw new Error(`the consent page shows neither an "Admin key" field nor a "${decision}" button within ${timeoutMs} ms: ${(await pageText(page)).slice(0, 400)}`);
  }
  if (await keyInput.isVisible()) {
    if (!adminKey) throw new Error('the consent page asks for an admin key, and the test gave none');
    await keyInput.fill(adminKey);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    try {
      await decisionButton.waitFor({ state: 'visible', timeout: timeoutMs });
    } catch {
      throw new Error(`after "Sign in", no "${decision}" button within ${timeoutMs} ms: ${(await pageText(page)).slice(0, 400)}`);
    }
  }
  const text = await pageText(page);
  await Promise.all([
    page.waitForURL((u) => u.href.startsWith(callbackUrl), { timeout: timeoutMs }).catch(async () => {
      throw new Error(`after "${decision}", the browser did not land on ${callbackUrl} within ${timeoutMs} ms (at ${page.url().split('?')[0]})`);
    }),
    decisionButton.click(),
  ]);
  return text;
}

/** A free loopback port (mcp-remote's callback server takes a port number, not 0). */
function freePort() {
  return new Promise((res, rej) => {
    const s = createNetServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

export const MCP_REMOTE_AUTH_URL_LINE = /Please authorize this client by visiting:\s*\n(\S+)/;

/**
 * mcp-remote (stdio bridge) on `url`, connected to the SDK's Client over stdio, with its own
 * config dir (MCP_REMOTE_CONFIG_DIR) and callback port, and a BROWSER that opens nothing: the
 * test reads the authorization URL from its stderr and drives Chromium itself.
 * close() kills it, appends its stderr, passed through `redact`, to `logFile`, deletes its config
 * dir and resolves with the tokens it had stored there (for the final secrets scan).
 */
export async function startMcpRemote(url, { bin, extraArgs = [], extraEnv = {}, redact, logFile, label }) {
  const configDir = await mkdtemp(join(tmpdir(), 'lucent-oauth-mcp-remote-'));
  const noBrowser = join(configDir, 'no-browser.sh');
  await writeFile(noBrowser, '#!/bin/sh\nexit 0\n');
  await chmod(noBrowser, 0o755);
  const callbackPort = await freePort();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, url, String(callbackPort), '--transport', 'http-only', ...extraArgs],
    env: { PATH: process.env.PATH, MCP_REMOTE_CONFIG_DIR: configDir, BROWSER: noBrowser, ...extraEnv },
    stderr: 'pipe',
  });
  const chunks = [];
  transport.stderr.on('data', (c) => chunks.push(c));
  const stderr = () => Buffer.concat(chunks).toString('utf8');
  const client = new Client({ name: 'lucent-e2e-oauth-mcp-remote', version: '0.0.0' });
  let closed = false;
  return {
    client,
    transport,
    callbackPort,
    /** Its stderr so far, redacted. */
    stderr: () => redact(stderr()),
    /** The authorization URL it printed, within `timeoutMs`. */
    async authorizationUrl(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const m = MCP_REMOTE_AUTH_URL_LINE.exec(stderr());
        if (m) return new URL(m[1]);
        await sleep(100);
      }
      throw new Error(`mcp-remote printed no authorization URL within ${timeoutMs} ms:\n${redact(stderr()).split('\n').slice(-30).join('\n')}`);
    },
    async close() {
      if (closed) return [];
      closed = true;
      const stored = [];
      try {
        await client.close(); // ends stdin, then SIGTERM, then SIGKILL (SDK StdioClientTransport)
      } finally {
        for (const f of await listFiles(configDir)) {
          const text = await readFile(f, 'utf8').catch(() => '');
          for (const m of text.matchAll(/luc_(?:mcp_[A-Za-z0-9_-]{32}|rt_[A-Za-z0-9_-]{43})/g)) stored.push(m[0]);
        }
        await mkdir(dirname(logFile), { recursive: true });
        await appendFile(logFile, `\n### ${label}\n${redact(stderr())}`);
        await rm(configDir, { recursive: true, force: true });
      }
      return stored;
    },
  };
}
