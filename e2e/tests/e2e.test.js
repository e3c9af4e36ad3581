// The whole end-to-end suite runs against ONE real server (started once, here) to keep
// CI time low; each file under suites/ registers one area. Order matters: the last
// suite stops the server and scans its logs and data dir for leaked tokens.

import { after, before } from 'node:test';
import { LucentServer } from '../lib/server.js';
import registerTools from './suites/tools.js';
import registerPrompts from './suites/prompts.js';
import registerMcpPrompts from './suites/mcp-prompts.js';
import registerPagination from './suites/pagination.js';
import registerArguments from './suites/arguments.js';
import registerIsolation from './suites/isolation.js';
import registerAuth from './suites/auth.js';
import registerTransport from './suites/transport.js';
import registerDiscovery from './suites/discovery.js';
import registerModern from './suites/modern.js';
import registerLegacySse from './suites/legacy-sse.js';
import registerInspector from './suites/inspector.js';
import registerMcpRemote from './suites/mcp-remote.js';
import registerLastUsed from './suites/last-used.js';
import registerSettingsPage from './suites/settings-page.js';
import registerSecrets from './suites/secrets.js';

/** Shared by all suites; filled in by the `before` hook. */
const env = { server: null, acme: null, globex: null, scanAlso: [] };

before(
  async () => {
    env.server = await LucentServer.start();
    env.acme = await env.server.createToken('acme', 'e2e acme');
    env.globex = await env.server.createToken('globex', 'e2e globex');
  },
  { timeout: 10 * 60_000 },
);

after(
  async () => {
    if (env.server) {
      await env.server.cleanup();
      console.error('# server and CLI logs copied to e2e/artifacts/');
    }
  },
  { timeout: 2 * 60_000 },
);

registerTools(env);
registerPrompts(env);
registerMcpPrompts(env);
registerPagination(env);
registerArguments(env);
registerIsolation(env);
registerAuth(env);
registerTransport(env);
registerDiscovery(env);
registerModern(env); // MCP 2026-07-28 with lib/modern-client.js
registerLegacySse(env);
registerInspector(env);
registerMcpRemote(env);
registerLastUsed(env);
registerSettingsPage(env); // headless Chromium on /admin/
registerSecrets(env); // keep last: stops the server
