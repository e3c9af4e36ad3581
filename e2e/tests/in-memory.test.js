// `serve --data-source in-memory`: the bundled dataset held in the server's own process, with no sample backend
// and no gRPC. The four prompts of PRODUCT.txt must get the same kind of answers as on the default gRPC source.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { LucentServer } from '../lib/server.js';
import registerPrompts from './suites/prompts.js';

const env = { server: null, acme: null, globex: null, scanAlso: [] };

before(
  async () => {
    env.server = await LucentServer.start({ serveArgs: ['--data-source', 'in-memory'] });
    env.acme = await env.server.createToken('acme', 'e2e in-memory acme');
    env.globex = await env.server.createToken('globex', 'e2e in-memory globex');
  },
  { timeout: 10 * 60_000 },
);

after(
  async () => {
    if (env.server) {
      await env.server.cleanup();
    }
  },
  { timeout: 2 * 60_000 },
);

describe('--data-source in-memory', () => {
  test('the server serves the bundled dataset from memory and starts no sample backend', async () => {
    const log = await readFile(env.server.logFile, 'utf8');
    assert.match(log, /Serving the bundled dataset from memory/);
    assert.doesNotMatch(log, /Started the bundled sample data backend/);
  });
});

registerPrompts(env);
