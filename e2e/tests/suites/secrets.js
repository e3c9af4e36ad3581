// Keep last: stops the server, then scans its logs and data dir for leaked tokens.

import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { describe, test } from 'node:test';
import { listFiles, scanFiles } from '../../lib/scan.js';

export default function register(env) {
  describe('no plaintext token in logs or on disk', () => {
    test('the server stops on SIGTERM within 30 s', { timeout: 60_000 }, async () => {
      const exit = await env.server.stop(30_000);
      assert.ok(exit, 'server was running');
      assert.equal(exit.graceful, true, 'exited after SIGTERM without SIGKILL');
    });

    test('server stdout/stderr, CLI stderr, client logs and every data-dir file contain no token', { timeout: 120_000 }, async () => {
      assert.ok(env.server.mintedTokens.length >= 3, 'the suite minted tokens');
      assert.ok(existsSync(env.server.logFile) && statSync(env.server.logFile).size > 0, 'server log captured');
      const dataFiles = await listFiles(env.server.dataDir);
      assert.ok(dataFiles.length > 0, 'the data dir holds the token store');
      const needles = env.server.mintedTokens.flatMap((t) => [t, t.slice('luc_mcp_'.length)]);
      // scanAlso: logs other suites write themselves, e.g. mcp-remote's redacted stderr in e2e/artifacts/
      const files = [env.server.logFile, env.server.cliLogFile, ...(env.scanAlso ?? []), ...dataFiles].filter((f) => existsSync(f));
      const findings = await scanFiles(files, needles);
      assert.deepEqual(
        findings.map((f) => `${f.what} in ${f.file} (${f.encoding} @${f.offset})`),
        [],
        'no plaintext token anywhere',
      );
    });
  });
}
