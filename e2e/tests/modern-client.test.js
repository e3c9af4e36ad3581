// Self-test of lib/modern-client.js against a scripted stub HTTP server (no Lucent server):
// the parts of the 2026-07-28 client behaviour that the real server does not exercise
// (absent/unknown resultType, SSE framing, x-mcp-header, no mutual version, a legacy 400).

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import {
  META,
  MODERN_VERSION,
  ModernClient,
  ModernProtocolError,
  ModernRpcError,
  decodeHeaderValue,
  encodeHeaderValue,
} from '../lib/modern-client.js';

/** A server answering each POST with the next scripted reply; records what it received. */
const stub = { server: null, url: null, replies: [], received: [] };

before(async () => {
  stub.server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      stub.received.push({ headers: req.headers, body });
      const reply = stub.replies.shift()?.(body) ?? { status: 500, body: 'no scripted reply' };
      res.writeHead(reply.status ?? 200, { 'Content-Type': reply.type ?? 'application/json' });
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise((r) => stub.server.listen(0, '127.0.0.1', r));
  stub.url = `http://127.0.0.1:${stub.server.address().port}/mcp`;
});

after(() => new Promise((r) => stub.server.close(r)));

function script(...replies) {
  stub.replies = replies;
  stub.received = [];
}

const ok = (result) => (req) => ({ body: { jsonrpc: '2.0', id: req.id, result } });
const client = (options) => new ModernClient(stub.url, { token: 'test-token', ...options });

describe('modern client (2026-07-28) against a stub server', () => {
  test('Value Encoding: the examples of streamable-http.mdx', () => {
    const table = {
      'us-west1': 'us-west1',
      'Hello, 世界': '=?base64?SGVsbG8sIOS4lueVjA==?=',
      ' padded ': '=?base64?IHBhZGRlZCA=?=',
      'line1\nline2': '=?base64?bGluZTEKbGluZTI=?=',
      '=?base64?literal?=': '=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=',
    };
    for (const [value, encoded] of Object.entries(table)) {
      assert.equal(encodeHeaderValue(value), encoded, JSON.stringify(value));
      assert.equal(decodeHeaderValue(encoded), value);
    }
  });

  test('request shape: POST headers mirror the body; _meta carries version, capabilities, clientInfo', async () => {
    script(ok({ resultType: 'complete', content: [] }));
    await client().callTool('météo', { city: 'Zürich' });
    const [{ headers, body }] = stub.received;
    assert.equal(headers.accept, 'application/json, text/event-stream');
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(headers.authorization, 'Bearer test-token');
    assert.equal(headers['mcp-protocol-version'], MODERN_VERSION);
    assert.equal(headers['mcp-method'], 'tools/call');
    assert.equal(headers['mcp-name'], encodeHeaderValue('météo'));
    assert.match(headers['mcp-name'], /^=\?base64\?.+\?=$/);
    assert.equal(body.method, 'tools/call');
    assert.equal(body.params.name, 'météo');
    assert.equal(body.params._meta[META.protocolVersion], MODERN_VERSION);
    assert.deepEqual(body.params._meta[META.clientCapabilities], {});
    assert.equal(typeof body.params._meta[META.clientInfo].name, 'string');
  });

  test('an absent resultType is "complete"; an unknown one is rejected', async () => {
    script(ok({ tools: [] }), ok({ resultType: 'weird', tools: [] }));
    const c = client();
    assert.deepEqual((await c.listTools()).tools, []);
    await assert.rejects(c.listTools(), (e) => e instanceof ModernProtocolError && /unknown resultType "weird"/.test(e.message));
  });

  test('SSE: CRLF lines, comments, a notification first, a multi-line data field', async () => {
    script((req) => ({
      type: 'text/event-stream',
      body:
        ': keep-alive\r\n\r\n' +
        'event: message\r\ndata: {"jsonrpc":"2.0","method":"notifications/progress","params":{"progress":1}}\r\n\r\n' +
        `data: {"jsonrpc":"2.0","id":${req.id},\r\ndata: "result":{"resultType":"complete","answer":42}}\r\n\r\n`,
    }));
    const c = client();
    const result = await c.request('example/method');
    assert.equal(result.answer, 42);
    assert.equal(c.notifications.length, 1);
    assert.equal(c.notifications[0].method, 'notifications/progress');
  });

  test('negotiation: no mutually supported version is an error naming both lists', async () => {
    const refuse = (req) => ({
      status: 400,
      body: { jsonrpc: '2.0', id: req.id, error: { code: -32022, message: 'Unsupported', data: { supported: ['2030-01-01'], requested: MODERN_VERSION } } },
    });
    script(refuse);
    await assert.rejects(client().discover(), (e) => e instanceof ModernProtocolError && /2030-01-01/.test(e.message));
    assert.equal(stub.received.length, 1, 'no retry without a mutual version');
  });

  test('a 400 without a JSON-RPC body (a legacy server) is not mistaken for a modern error', async () => {
    script(() => ({ status: 400, type: 'text/plain', body: 'Bad Request' }));
    await assert.rejects(client().discover(), (e) => !(e instanceof ModernRpcError) && e.httpStatus === 400);
  });

  test('x-mcp-header: arguments mirrored into Mcp-Param-*; an invalid annotation drops the tool', async () => {
    const tools = [
      {
        name: 'query',
        inputSchema: {
          type: 'object',
          properties: {
            region: { type: 'string', 'x-mcp-header': 'Region' },
            opts: { type: 'object', properties: { dry: { type: 'boolean', 'x-mcp-header': 'Dry-Run' } } },
            sql: { type: 'string' },
          },
        },
      },
      { name: 'bad', inputSchema: { type: 'object', properties: { n: { type: 'number', 'x-mcp-header': 'N' } } } },
    ];
    script(ok({ resultType: 'complete', tools, ttlMs: 0, cacheScope: 'public' }), ok({ resultType: 'complete', content: [] }));
    const c = client();
    const listed = await c.listTools();
    assert.deepEqual(listed.tools.map((t) => t.name), ['query']);
    assert.deepEqual(c.rejectedTools.map((t) => t.name), ['bad']);
    await c.callTool('query', { region: ' eu ', opts: { dry: true }, sql: 'select 1' });
    const { headers } = stub.received[1];
    assert.equal(headers['mcp-param-region'], encodeHeaderValue(' eu '));
    assert.equal(headers['mcp-param-dry-run'], 'true');
  });
});
