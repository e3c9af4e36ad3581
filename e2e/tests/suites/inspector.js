// MCP Inspector in CLI mode. `npx @modelcontextprotocol/inspector --cli …` runs the
// launcher of @modelcontextprotocol/inspector-cli; we pin that package (Inspector v1
// line) because the full Inspector (web UI, v2) needs Node >= 22 and pulls in Vite,
// React and Ink. Same flags as documented for `inspector --cli`.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { E2E_DIR } from '../../lib/server.js';
import { SAMPLE_ISSUE_ID } from './prompts.js';

const INSPECTOR = join(E2E_DIR, 'node_modules/@modelcontextprotocol/inspector-cli/build/cli.js');
const T = { timeout: 120_000 };

export function inspector(args) {
  return new Promise((resolvePromise, reject) => {
    // cwd = the build dir: inspector-cli 1.0.3 probes "../package.json" relative to the cwd
    // but imports it relative to its module, so any other cwd fails when it is installed
    // standalone (outside the full @modelcontextprotocol/inspector package).
    const child = spawn(process.execPath, [INSPECTOR, '--cli', ...args], {
      cwd: dirname(INSPECTOR),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
  });
}

function parseJson(res) {
  assert.equal(res.code, 0, `inspector exited ${res.code}\nstderr: ${res.stderr}\nstdout: ${res.stdout.slice(0, 500)}`);
  return JSON.parse(res.stdout);
}

export default function register(env) {
  describe('MCP Inspector CLI', () => {
    const common = () => [env.server.mcpUrl, '--transport', 'http', '--header', `Authorization: Bearer ${env.acme}`];

    test('--method tools/list lists the six tools', T, async () => {
      const out = parseJson(await inspector([...common(), '--method', 'tools/list']));
      assert.deepEqual(
        out.tools.map((t) => t.name).sort(),
        ['get_insight', 'get_issue', 'get_signal', 'list_insights', 'list_issues', 'list_signals'],
      );
    });

    test('--method tools/call --tool-name list_issues returns unresolved issues', T, async () => {
      const out = parseJson(await inspector([...common(), '--method', 'tools/call', '--tool-name', 'list_issues']));
      assert.notEqual(out.isError, true);
      assert.ok(out.structuredContent.issues.length > 0);
      assert.ok(out.structuredContent.issues.every((i) => i.status === 'unresolved'));
    });

    test('--method tools/call --tool-name get_issue --tool-arg id=… returns the issue', T, async () => {
      const out = parseJson(
        await inspector([...common(), '--method', 'tools/call', '--tool-name', 'get_issue', '--tool-arg', `id=${SAMPLE_ISSUE_ID}`]),
      );
      assert.notEqual(out.isError, true);
      assert.equal(out.structuredContent.id, SAMPLE_ISSUE_ID);
    });
  });
}
