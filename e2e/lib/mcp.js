// MCP client helpers (official TypeScript SDK) and raw HTTP helpers.

import { connect as netConnect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';

export { McpError };

export const INITIALIZE_BODY = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'lucent-e2e-raw', version: '0.0.0' },
  },
};

export const JSON_HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
};

/**
 * Connects the official SDK client over streamable HTTP with a static bearer token,
 * exactly as Claude Code's `--header "Authorization: Bearer …"` configuration does.
 * Transport-level errors (e.g. a GET stream the server answers wrongly) are collected
 * in `client.transportErrors` instead of being lost.
 */
export async function connectClient(mcpUrl, token, name = 'lucent-e2e') {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name, version: '0.0.0' });
  client.transportErrors = [];
  client.onerror = (err) => client.transportErrors.push(err);
  await client.connect(transport);
  return client;
}

/** Runs `fn(client)` with a connected client and always closes it. */
export async function withClient(mcpUrl, token, fn) {
  const client = await connectClient(mcpUrl, token);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

/** tools/call; the tool list is fetched first so the SDK validates structuredContent. */
export async function callTool(client, name, args = {}) {
  if (!client.toolsListed) {
    await client.listTools();
    client.toolsListed = true;
  }
  return client.callTool({ name, arguments: args });
}

/** Awaits `promise`, expecting it to reject with an McpError; returns that error. */
export async function expectMcpError(promise) {
  try {
    const result = await promise;
    throw new Error(`expected a JSON-RPC error, got a result: ${JSON.stringify(result).slice(0, 500)}`);
  } catch (err) {
    if (err instanceof McpError) return err;
    throw err;
  }
}

/** A random, well-formed but unknown token. */
export function randomToken() {
  return `luc_mcp_${randomBytes(24).toString('base64url')}`;
}

/** POSTs an `initialize` request with fetch; resolves with { status, headers, text }. */
export async function postInitialize(mcpUrl, authorization) {
  const headers = { ...JSON_HEADERS };
  if (authorization !== undefined) headers.Authorization = authorization;
  const res = await fetch(mcpUrl, { method: 'POST', headers, body: JSON.stringify(INITIALIZE_BODY) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text };
}

/**
 * Sends one HTTP/1.1 request over a raw socket, byte for byte (fetch would trim header
 * values, so this is the only way to put e.g. a trailing space on the wire).
 * Resolves with { status, headers (lower-cased names), body }.
 */
export function rawRequest(baseUrl, { method = 'POST', path = '/api/mcp', headerLines = [], body = '', expectContinue = false }) {
  const url = new URL(baseUrl);
  const bodyBuf = Buffer.from(body, 'utf8');
  const head = [
    `${method} ${path} HTTP/1.1`,
    `Host: ${url.host}`,
    'Connection: close',
    ...headerLines,
    ...(bodyBuf.length > 0 || method === 'POST' ? [`Content-Length: ${bodyBuf.length}`] : []),
    ...(expectContinue ? ['Expect: 100-continue'] : []),
    '',
    '',
  ].join('\r\n');
  return new Promise((resolvePromise, reject) => {
    const socket = netConnect({ host: url.hostname, port: Number(url.port) });
    const chunks = [];
    let settled = false;
    const parse = () => {
      const all = Buffer.concat(chunks).toString('latin1');
      const sep = all.indexOf('\r\n\r\n');
      const headText = sep >= 0 ? all.slice(0, sep) : all;
      const [statusLine, ...lines] = headText.split('\r\n');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '');
      if (!m) return null;
      const headers = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      return { status: Number(m[1]), headers, body: sep >= 0 ? all.slice(sep + 4) : '' };
    };
    const settle = (err) => {
      if (settled) return;
      settled = true;
      const parsed = parse();
      // A server may answer (e.g. 413) and reset the connection while we still upload.
      if (parsed) resolvePromise(parsed);
      else reject(err ?? new Error(`no HTTP status line in raw response: ${JSON.stringify(Buffer.concat(chunks).toString('latin1').slice(0, 200))}`));
    };
    socket.setTimeout(30_000, () => socket.destroy(new Error('raw request timed out')));
    let onFirstData = null;
    socket.on('data', (c) => {
      chunks.push(c);
      if (onFirstData) onFirstData();
    });
    socket.on('connect', async () => {
      if (!expectContinue) {
        socket.end(Buffer.concat([Buffer.from(head, 'latin1'), bodyBuf]));
        return;
      }
      // Expect: 100-continue, as curl does for large bodies: a server that rejects the
      // request from its headers (413) answers before the body is sent. Writing the body
      // regardless would hit EPIPE/ECONNRESET and lose the response.
      socket.write(Buffer.from(head, 'latin1'));
      await new Promise((r) => {
        onFirstData = r;
        setTimeout(r, 2_000); // servers may ignore Expect: send the body after a while
        socket.once('close', r);
      });
      onFirstData = null;
      const sofar = Buffer.concat(chunks).toString('latin1');
      if (sofar.length > 0 && !/^HTTP\/1\.[01] 100\b/.test(sofar)) {
        socket.end(); // the final answer came without the body
        return;
      }
      const interim = sofar.indexOf('\r\n\r\n');
      if (interim >= 0) chunks.splice(0, chunks.length, Buffer.from(sofar.slice(interim + 4), 'latin1'));
      if (!socket.destroyed) socket.end(bodyBuf);
    });
    socket.on('error', (err) => settle(err));
    socket.on('close', () => settle());
  });
}

export const SEVERITY_RANK = { critical: 3, high: 2, medium: 1, low: 0 };

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Follows next_cursor to the end; returns every item and the pages. */
export async function collectAll(client, tool, args, key, maxPages = 200) {
  const items = [];
  const pages = [];
  let cursor;
  for (let i = 0; i < maxPages; i += 1) {
    const result = await callTool(client, tool, cursor ? { ...args, cursor } : args);
    if (result.isError) throw new Error(`${tool} returned isError: ${JSON.stringify(result.content)}`);
    const page = result.structuredContent;
    pages.push(page);
    items.push(...page[key]);
    cursor = page.next_cursor;
    if (cursor === null || cursor === undefined || cursor === '') return { items, pages };
  }
  throw new Error(`${tool}: still a next_cursor after ${maxPages} pages`);
}

export function textOf(result) {
  return (result.content ?? [])
    .filter((c) => c.type === 'text')
    .map((c) => c.text)
    .join('\n');
}
