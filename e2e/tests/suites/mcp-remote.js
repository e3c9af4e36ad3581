// mcp-remote (npm `mcp-remote`) as a stdio bridge: what a stdio-only host (Claude Desktop,
// Cursor, Windsurf of old) runs to reach a remote server. The official SDK's Client talks
// over StdioClientTransport to mcp-remote, which talks streamable HTTP to our server with
// the bearer token as a static header, configured as mcp-remote's README documents for a
// header value with a space: `--header "Authorization:${AUTH_HEADER}"` with
// AUTH_HEADER="Bearer luc_mcp_…" in its environment.
//
// Secrets: the token is only ever in the child's environment. mcp-remote's stderr is kept
// in memory and written to e2e/artifacts/mcp-remote-stderr.log only after every token has
// been redacted; the secrets suite scans that file too. mcp-remote gets a config dir of its
// own (MCP_REMOTE_CONFIG_DIR), so ~/.mcp-auth is never touched; it is scanned and deleted.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { redactSecrets } from '../../lib/admin.js';
import { SEVERITY_RANK, UUID_PATTERN, randomToken, textOf } from '../../lib/mcp.js';
import { listFiles, scanFiles } from '../../lib/scan.js';
import { ARTIFACTS_DIR, E2E_DIR } from '../../lib/server.js';

const EXPECTED_TOOLS = ['get_insight', 'get_issue', 'get_signal', 'list_insights', 'list_issues', 'list_signals'];
export const MCP_REMOTE_LOG = join(ARTIFACTS_DIR, 'mcp-remote-stderr.log');
const RPC_TIMEOUT_MS = 20_000; // per request, through the bridge
const T = { timeout: 90_000 };

/** mcp-remote's `bin` entry, resolved from its installed package.json (no npx). */
export function mcpRemoteBin() {
  const dir = join(E2E_DIR, 'node_modules/mcp-remote');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['mcp-remote'];
  return join(dir, bin);
}

/** Redacts every secret the suite knows of (and anything token-shaped) from `text`. */
function redact(env, text, extra = []) {
  let out = String(text);
  for (const secret of [...env.server.mintedTokens, ...extra]) {
    out = out.split(secret).join('<redacted>').split(secret.replace(/^luc_(mcp|adm)_/, '')).join('<redacted>');
  }
  return redactSecrets(out);
}

/**
 * Spawns mcp-remote with the machine's node and connects the SDK Client to it over stdio.
 * Resolves with { client, transport, stderr(), close() }; close() always kills the bridge,
 * appends its redacted stderr to MCP_REMOTE_LOG and deletes its config dir.
 */
async function startBridge(env, token, label, { url = env.server.mcpUrl, extraArgs = [] } = {}) {
  const configDir = await mkdtemp(join(tmpdir(), 'lucent-mcp-remote-'));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      mcpRemoteBin(),
      url,
      '--header',
      'Authorization:${AUTH_HEADER}', // expanded by mcp-remote from its environment
      '--transport',
      'http-only',
      '--auth-timeout',
      '5', // a refused token may lead to an OAuth attempt: never wait long for a browser
      '--connect-timeout',
      '5',
      ...extraArgs,
    ],
    // A refused token makes it start an OAuth sign-in: BROWSER=true keeps it from opening a browser.
    env: { AUTH_HEADER: `Bearer ${token}`, MCP_REMOTE_CONFIG_DIR: configDir, BROWSER: 'true' },
    stderr: 'pipe',
  });
  const chunks = [];
  transport.stderr.on('data', (c) => chunks.push(c));
  const client = new Client({ name: 'lucent-e2e-mcp-remote', version: '0.0.0' });
  let closed = false;
  const bridge = {
    client,
    transport,
    configDir,
    stderr: () => redact(env, Buffer.concat(chunks).toString('utf8'), [token]),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close(); // ends stdin, then SIGTERM, then SIGKILL (SDK StdioClientTransport)
      } finally {
        await mkdir(ARTIFACTS_DIR, { recursive: true });
        await appendFile(MCP_REMOTE_LOG, `\n### ${label}\n${bridge.stderr()}`);
        await rm(configDir, { recursive: true, force: true });
      }
    },
  };
  return bridge;
}

async function withBridge(env, token, label, fn, options) {
  const bridge = await startBridge(env, token, label, options);
  try {
    await bridge.client.connect(bridge.transport, { timeout: RPC_TIMEOUT_MS });
    return await fn(bridge);
  } catch (err) {
    err.message = `${err.message}\n--- mcp-remote stderr (redacted, tail) ---\n${bridge.stderr().split('\n').slice(-30).join('\n')}`;
    throw err;
  } finally {
    await bridge.close();
  }
}

/**
 * A pass-through HTTP proxy in front of the server that records, for each POST to the MCP
 * endpoint, the MCP headers and the JSON-RPC method of the body (never Authorization).
 * Resolves with { url, seen: [{ headers, method, meta }], close() }.
 */
async function recordingProxy(target) {
  const upstream = new URL(target);
  const seen = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST' && req.url === upstream.pathname) {
        let msg = null;
        try {
          msg = JSON.parse(body.toString('utf8'));
        } catch {
          /* recorded as null */
        }
        seen.push({
          headers: {
            'mcp-protocol-version': req.headers['mcp-protocol-version'],
            'mcp-method': req.headers['mcp-method'],
            'mcp-name': req.headers['mcp-name'],
          },
          method: msg?.method,
          meta: msg?.params?._meta,
        });
      }
      const headers = { ...req.headers, host: upstream.host };
      const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (up) => {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
      });
      out.on('error', (err) => res.destroy(err));
      out.end(body);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}${upstream.pathname}`,
    seen,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** Connecting and listing tools through the bridge must fail, and quickly. */
async function assertBridgeRefuses(env, token, label) {
  const bridge = await startBridge(env, token, label);
  const started = Date.now();
  try {
    await assert.rejects(
      (async () => {
        await bridge.client.connect(bridge.transport, { timeout: RPC_TIMEOUT_MS });
        await bridge.client.listTools(undefined, { timeout: RPC_TIMEOUT_MS });
      })(),
      (err) => err instanceof Error,
      `${label}: the bridge must not connect nor list tools`,
    );
    const ms = Date.now() - started;
    assert.ok(ms < 2 * RPC_TIMEOUT_MS, `${label}: failed in ${ms} ms, not by hanging`);
  } finally {
    await bridge.close();
  }
}

export default function register(env) {
  describe('mcp-remote stdio bridge (--transport http-only, bearer header)', () => {
    before(async () => {
      // A fresh log of the bridges' redacted stderr; the secrets suite scans it.
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      await writeFile(MCP_REMOTE_LOG, '# mcp-remote stderr, tokens redacted\n');
      env.scanAlso.push(MCP_REMOTE_LOG);
    });

    test('tools/list through mcp-remote lists the six tools; its config dir holds no token', T, async () => {
      await withBridge(env, env.acme, 'tools/list', async ({ client, configDir }) => {
        const { tools } = await client.listTools(undefined, { timeout: RPC_TIMEOUT_MS });
        assert.deepEqual(tools.map((t) => t.name).sort(), EXPECTED_TOOLS);
        for (const tool of tools) assert.equal(tool.annotations?.readOnlyHint, true, `${tool.name}: readOnlyHint`);
        const findings = await scanFiles(await listFiles(configDir), [env.acme, env.acme.slice('luc_mcp_'.length)]);
        assert.deepEqual(findings.map((f) => `${f.what} in ${f.file}`), [], 'mcp-remote persisted no token');
      });
    });

    test('list_issues then get_issue through mcp-remote return acme data', T, async () => {
      await withBridge(env, env.acme, 'list_issues + get_issue', async ({ client }) => {
        await client.listTools(undefined, { timeout: RPC_TIMEOUT_MS }); // lets the SDK validate structuredContent
        const list = await client.callTool({ name: 'list_issues', arguments: { limit: 5 } }, undefined, { timeout: RPC_TIMEOUT_MS });
        assert.notEqual(list.isError, true, textOf(list));
        const { issues } = list.structuredContent;
        assert.ok(Array.isArray(issues) && issues.length > 0 && issues.length <= 5, `1..5 issues, got ${issues?.length}`);
        for (const issue of issues) {
          assert.match(issue.id, UUID_PATTERN);
          assert.equal(issue.status, 'unresolved');
          assert.ok(issue.severity in SEVERITY_RANK, `severity ${issue.severity}`);
        }

        const first = issues[0];
        const got = await client.callTool({ name: 'get_issue', arguments: { id: first.id } }, undefined, { timeout: RPC_TIMEOUT_MS });
        assert.notEqual(got.isError, true, textOf(got));
        const sc = got.structuredContent;
        assert.equal(sc.id, first.id);
        assert.equal(sc.title, first.title);
        assert.ok(typeof sc.description === 'string' && sc.description.length > 0, 'description');
        assert.ok(Array.isArray(sc.timeline) && sc.timeline.length > 0, 'timeline');
        assert.ok(textOf(got).includes(first.id), 'the text block carries the issue too');
      });
    });

    test('--protocol auto: mcp-remote speaks 2026-07-28 to the server (no initialize on the wire)', T, async () => {
      const proxy = await recordingProxy(env.server.mcpUrl);
      try {
        await withBridge(
          env,
          env.acme,
          '--protocol auto',
          async ({ client }) => {
            const { tools } = await client.listTools(undefined, { timeout: RPC_TIMEOUT_MS });
            assert.deepEqual(tools.map((t) => t.name).sort(), EXPECTED_TOOLS);
            const list = await client.callTool({ name: 'list_issues', arguments: { limit: 1 } }, undefined, { timeout: RPC_TIMEOUT_MS });
            assert.notEqual(list.isError, true, textOf(list));
            assert.equal(list.structuredContent.issues.length, 1);
          },
          { url: proxy.url, extraArgs: ['--protocol', 'auto'] },
        );
        const methods = proxy.seen.map((r) => r.method);
        const where = JSON.stringify(proxy.seen);
        assert.ok(methods.includes('server/discover'), `mcp-remote probed with server/discover: ${where}`);
        assert.ok(!methods.includes('initialize'), `no initialize reached the server: ${where}`);
        for (const method of ['tools/list', 'tools/call']) {
          const r = proxy.seen.find((x) => x.method === method);
          assert.ok(r, `${method} went through: ${where}`);
          assert.equal(r.headers['mcp-protocol-version'], '2026-07-28', `${method}: MCP-Protocol-Version`);
          assert.equal(r.headers['mcp-method'], method, `${method}: Mcp-Method`);
          assert.equal(r.meta?.['io.modelcontextprotocol/protocolVersion'], '2026-07-28', `${method}: _meta protocolVersion`);
        }
        assert.equal(proxy.seen.find((x) => x.method === 'tools/call').headers['mcp-name'], 'list_issues');
      } finally {
        await proxy.close();
      }
    });

    test('an unknown token: the bridge fails (no tools), without hanging', T, async () => {
      await assertBridgeRefuses(env, randomToken(), 'unknown token');
    });

    test('a revoked token: the bridge fails (no tools), without hanging', T, async () => {
      const { token, id } = await env.server.createTokenWithId('acme', 'e2e mcp-remote revoked');
      await withBridge(env, token, 'token before revocation', async ({ client }) => {
        const { tools } = await client.listTools(undefined, { timeout: RPC_TIMEOUT_MS });
        assert.equal(tools.length, EXPECTED_TOOLS.length, 'the token works before it is revoked');
      });
      await env.server.revokeToken('acme', id);
      await assertBridgeRefuses(env, token, 'revoked token');
    });
  });
}
