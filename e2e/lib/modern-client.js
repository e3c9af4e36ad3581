// A small client of the MCP 2026-07-28 revision ("modern" MCP: no initialize, no session;
// every request carries its protocol version, client info and capabilities), written from the
// specification because no released SDK speaks it yet:
//
//   basic/transports/streamable-http.mdx  POST per request; Accept; MCP-Protocol-Version,
//                                         Mcp-Method, Mcp-Name, Mcp-Param-*; Value Encoding
//                                         (=?base64?…?=); JSON or SSE answers; 400/404 rules
//   basic/index.mdx                       _meta io.modelcontextprotocol/* fields; resultType;
//                                         error codes -32020/-32021/-32022
//   basic/versioning.mdx                  UnsupportedProtocolVersionError -> pick a mutually
//                                         supported version from data.supported and retry
//   server/tools.mdx (x-mcp-header)       mirroring tool arguments into Mcp-Param-{Name}
//
// Deliberately plain (fetch + a hand-written SSE reader), so a test can see every byte; the
// exchange log (`client.exchanges`) never holds the Authorization header.

export const MODERN_VERSION = '2026-07-28';
/** Initialization-based revisions: they need `initialize`, which this client never sends. */
export const LEGACY_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];

export const ErrorCodes = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  HeaderMismatch: -32020,
  MissingRequiredClientCapability: -32021,
  UnsupportedProtocolVersion: -32022,
};

/** The codes whose presence in a 4xx body identifies a modern server (Backward Compatibility). */
export const MODERN_ERROR_CODES = new Set([
  ErrorCodes.HeaderMismatch,
  ErrorCodes.MissingRequiredClientCapability,
  ErrorCodes.UnsupportedProtocolVersion,
  ErrorCodes.MethodNotFound,
  ErrorCodes.InvalidParams,
]);

export const META = {
  protocolVersion: 'io.modelcontextprotocol/protocolVersion',
  clientInfo: 'io.modelcontextprotocol/clientInfo',
  clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  serverInfo: 'io.modelcontextprotocol/serverInfo',
};

/** resultType values of the core protocol. This client declares no capability that MRTR needs. */
const KNOWN_RESULT_TYPES = new Set(['complete', 'input_required']);

/** Methods whose request mirrors `params.name` / `params.uri` into `Mcp-Name`. */
const NAME_SOURCE = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };

const SENTINEL = /^=\?base64\?.*\?=$/s;

/**
 * Value Encoding: a value goes into a header as-is only when it is visible ASCII or
 * interior spaces (no control characters, no tab, no leading/trailing whitespace, no
 * non-ASCII) and does not itself look like the sentinel; otherwise `=?base64?<b64 of UTF-8>?=`.
 */
export function encodeHeaderValue(value) {
  const text = String(value);
  const plain = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(text) && !SENTINEL.test(text);
  return plain ? text : `=?base64?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** The inverse of encodeHeaderValue (a plain value is returned unchanged). */
export function decodeHeaderValue(value) {
  const m = /^=\?base64\?(.*)\?=$/s.exec(value);
  return m ? Buffer.from(m[1], 'base64').toString('utf8') : value;
}

/** A JSON-RPC error answered by the server (with the HTTP status it came with). */
export class ModernRpcError extends Error {
  constructor(error, { httpStatus, method }) {
    super(`${method}: JSON-RPC error ${error.code} (HTTP ${httpStatus}): ${error.message}`);
    this.name = 'ModernRpcError';
    this.code = error.code;
    this.data = error.data;
    this.rpcMessage = error.message;
    this.httpStatus = httpStatus;
  }
}

/** An answer that is not a usable JSON-RPC response (wrong status, type, shape, resultType…). */
export class ModernProtocolError extends Error {
  constructor(message, details = {}) {
    super(message);
    this.name = 'ModernProtocolError';
    Object.assign(this, details);
  }
}

/** Serializes a scalar tool argument for an Mcp-Param header (string / integer / boolean). */
function paramString(value) {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : null;
  if (typeof value === 'string') return value;
  return null;
}

const TCHAR_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const COMPOSITION = ['items', 'prefixItems', 'additionalProperties', 'oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else', '$ref', '$defs', 'definitions', 'patternProperties', 'dependentSchemas', 'contains'];

/**
 * The x-mcp-header annotations of a tool's inputSchema as [{ path: [...keys], header }],
 * or throws with the reason the tool definition is invalid (tools.mdx "x-mcp-header").
 */
export function mcpHeaderParams(inputSchema) {
  const found = [];
  const walk = (schema, path, reachable) => {
    if (!schema || typeof schema !== 'object') return;
    if (Array.isArray(schema)) {
      schema.forEach((s) => walk(s, path, false));
      return;
    }
    if ('x-mcp-header' in schema) {
      const header = schema['x-mcp-header'];
      if (!reachable || path.length === 0) throw new Error(`x-mcp-header at ${path.join('.') || '<root>'} is not statically reachable through properties`);
      if (typeof header !== 'string' || !TCHAR_TOKEN.test(header)) throw new Error(`x-mcp-header ${JSON.stringify(header)} is not an HTTP token`);
      const types = [].concat(schema.type ?? []);
      if (types.length === 0 || !types.every((t) => ['string', 'integer', 'boolean', 'null'].includes(t))) {
        throw new Error(`x-mcp-header ${header} on a parameter of type ${JSON.stringify(schema.type)}`);
      }
      found.push({ path, header });
    }
    for (const [key, sub] of Object.entries(schema)) {
      if (key === 'properties' && sub && typeof sub === 'object') {
        for (const [prop, propSchema] of Object.entries(sub)) walk(propSchema, [...path, prop], reachable);
      } else if (COMPOSITION.includes(key)) {
        walk(sub, path, false);
      }
    }
  };
  walk(inputSchema, [], true);
  const seen = new Set();
  for (const { header } of found) {
    if (seen.has(header.toLowerCase())) throw new Error(`x-mcp-header ${header} is not unique`);
    seen.add(header.toLowerCase());
  }
  return found;
}

/**
 * Reads one JSON-RPC response for request `id` from an SSE body (text/event-stream), event
 * by event, and stops reading as soon as it has it. Notifications before it are returned too;
 * a JSON-RPC request on the stream is a protocol error (2026-07-28 servers MUST NOT send one).
 */
async function readSseResponse(body, id) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const notifications = [];
  let buffer = '';
  let data = [];
  const dispatch = () => {
    if (data.length === 0) return null;
    const payload = data.join('\n');
    data = [];
    const msg = JSON.parse(payload);
    if (msg && typeof msg === 'object' && 'method' in msg) {
      if ('id' in msg) throw new ModernProtocolError(`server sent a JSON-RPC request (${msg.method}) on a response stream`, { rpc: msg });
      notifications.push(msg);
      return null;
    }
    if (msg && msg.id === id && ('result' in msg || 'error' in msg)) return msg;
    throw new ModernProtocolError(`unexpected SSE event: ${payload.slice(0, 200)}`);
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      // At the end of the stream, a blank line flushes a last event that lacks one.
      buffer += done ? `${decoder.decode()}\n\n` : decoder.decode(value, { stream: true });
      let eol;
      // Lines end with CRLF, LF or CR; an empty line dispatches the event; ':' starts a comment.
      while ((eol = buffer.search(/\r\n|\r|\n/)) >= 0) {
        if (buffer[eol] === '\r' && eol === buffer.length - 1 && !done) break; // a CR whose LF may follow
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + (buffer.startsWith('\r\n', eol) ? 2 : 1));
        if (line === '') {
          const msg = dispatch();
          if (msg) return { message: msg, notifications };
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let value = colon < 0 ? '' : line.slice(colon + 1);
          if (value.startsWith(' ')) value = value.slice(1);
          if (field === 'data') data.push(value);
        }
      }
      if (done) throw new ModernProtocolError(`SSE stream ended without the response to request ${id}`, { notifications });
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/**
 * Builds the HTTP headers of a modern request: Accept, Content-Type, MCP-Protocol-Version,
 * Mcp-Method, Mcp-Name (tools/call, resources/read, prompts/get) and Authorization.
 */
export function modernHeaders({ token, version, method, params = {}, accept = 'application/json, text/event-stream' }) {
  const headers = {
    Accept: accept,
    'Content-Type': 'application/json',
    'MCP-Protocol-Version': version,
    'Mcp-Method': method,
  };
  const nameKey = NAME_SOURCE[method];
  if (nameKey && params[nameKey] !== undefined) headers['Mcp-Name'] = encodeHeaderValue(params[nameKey]);
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/** The request `_meta` of a modern request. */
export function modernMeta({ version = MODERN_VERSION, clientInfo = { name: 'lucent-e2e-modern', version: '0.0.0' }, capabilities = {} } = {}) {
  return { [META.protocolVersion]: version, [META.clientInfo]: clientInfo, [META.clientCapabilities]: capabilities };
}

/**
 * One raw POST: `headers` are sent exactly as given (null removes a default), the body as
 * given (object -> JSON). Resolves with { status, headers, contentType, text, json } where
 * json is the JSON-RPC message (from a JSON body or the last data event of an SSE body).
 */
export async function rawModernPost(url, { headers = {}, body, timeoutMs = 30_000 }) {
  const sent = {};
  for (const [k, v] of Object.entries(headers)) if (v !== null && v !== undefined) sent[k] = v;
  const res = await fetch(url, {
    method: 'POST',
    headers: sent,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let json = null;
  try {
    if (contentType.includes('text/event-stream')) {
      const events = text.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim());
      json = events.length > 0 ? JSON.parse(events[events.length - 1]) : null;
    } else if (text.length > 0) {
      json = JSON.parse(text);
    }
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, contentType, text, json };
}

/**
 * A modern client on one MCP endpoint. `versions` lists the revisions it may speak, most
 * preferred first; a version the server refuses (-32022) is replaced by the first of them in
 * the server's `supported` list, and the choice is kept for later requests.
 */
export class ModernClient {
  /**
   * `accept` is for tests only: the spec requires both media types in Accept; with
   * 'text/event-stream' alone a server has to answer with a stream.
   */
  constructor(url, { token, versions = [MODERN_VERSION], clientInfo, capabilities = {}, timeoutMs = 30_000, accept } = {}) {
    if (!Array.isArray(versions) || versions.length === 0) throw new Error('versions: at least one protocol version');
    const legacy = versions.filter((v) => LEGACY_VERSIONS.includes(v));
    if (legacy.length > 0) throw new Error(`this client speaks modern revisions only; ${legacy} need initialize`);
    this.url = url;
    this.token = token;
    this.versions = [...versions];
    this.version = versions[0];
    this.clientInfo = clientInfo ?? { name: 'lucent-e2e-modern', version: '0.0.0' };
    this.capabilities = capabilities;
    this.timeoutMs = timeoutMs;
    this.accept = accept;
    this.nextId = 1;
    /** Every HTTP exchange, for assertions and failure messages (never the Authorization header). */
    this.exchanges = [];
    /** Notifications received on SSE response streams. */
    this.notifications = [];
    /** Tool definitions from the last tools/list, by name (for x-mcp-header). */
    this.tools = new Map();
    /** Tools left out of tools/list because of an invalid x-mcp-header: [{ name, reason }]. */
    this.rejectedTools = [];
  }

  /** Sends `method` with `params`; resolves with the result, or throws ModernRpcError / ModernProtocolError. */
  async request(method, params = {}, { extraHeaders = {} } = {}) {
    const tried = new Set();
    for (;;) {
      tried.add(this.version);
      try {
        return await this.#send(method, params, extraHeaders);
      } catch (err) {
        if (!(err instanceof ModernRpcError) || err.code !== ErrorCodes.UnsupportedProtocolVersion) throw err;
        const supported = Array.isArray(err.data?.supported) ? err.data.supported : [];
        const next = this.versions.find((v) => supported.includes(v) && !tried.has(v));
        if (!next) {
          throw new ModernProtocolError(
            `no mutually supported protocol version: client ${JSON.stringify(this.versions)}, server ${JSON.stringify(supported)}`,
            { cause: err, supported },
          );
        }
        this.version = next;
      }
    }
  }

  async #send(method, params, extraHeaders) {
    const id = this.nextId++;
    const body = {
      jsonrpc: '2.0',
      id,
      method,
      params: {
        ...params,
        _meta: {
          ...(params._meta ?? {}),
          ...modernMeta({ version: this.version, clientInfo: this.clientInfo, capabilities: this.capabilities }),
        },
      },
    };
    const headers = { ...modernHeaders({ token: this.token, version: this.version, method, params, accept: this.accept }), ...extraHeaders };
    const { Authorization: _omit, ...loggedHeaders } = headers;
    const exchange = { request: { headers: loggedHeaders, body }, response: null };
    this.exchanges.push(exchange);

    const res = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const contentType = res.headers.get('content-type') ?? '';
    exchange.response = { status: res.status, contentType };

    let message;
    if (contentType.includes('text/event-stream')) {
      if (!res.ok) throw new ModernProtocolError(`${method}: HTTP ${res.status} with an SSE body`, { httpStatus: res.status });
      const sse = await readSseResponse(res.body, id);
      this.notifications.push(...sse.notifications);
      message = sse.message;
    } else {
      const text = await res.text();
      exchange.response.text = text.slice(0, 2_000);
      if (!contentType.includes('application/json')) {
        throw new ModernProtocolError(`${method}: HTTP ${res.status}, Content-Type "${contentType}", not a JSON-RPC answer: ${text.slice(0, 200)}`, {
          httpStatus: res.status,
          wwwAuthenticate: res.headers.get('www-authenticate'),
        });
      }
      try {
        message = JSON.parse(text);
      } catch {
        throw new ModernProtocolError(`${method}: HTTP ${res.status}, body is not JSON: ${text.slice(0, 200)}`, { httpStatus: res.status });
      }
    }
    exchange.response.message = message;

    if (!message || message.jsonrpc !== '2.0') throw new ModernProtocolError(`${method}: not a JSON-RPC 2.0 message`, { httpStatus: res.status, rpc: message });
    if ('error' in message) {
      if (message.id !== id && message.id !== undefined && message.id !== null) {
        throw new ModernProtocolError(`${method}: error for id ${message.id}, expected ${id}`, { rpc: message });
      }
      throw new ModernRpcError(message.error, { httpStatus: res.status, method });
    }
    if (!res.ok) throw new ModernProtocolError(`${method}: HTTP ${res.status} with a result`, { httpStatus: res.status, rpc: message });
    if (message.id !== id) throw new ModernProtocolError(`${method}: response id ${message.id}, expected ${id}`, { rpc: message });
    const result = message.result;
    if (!result || typeof result !== 'object' || Array.isArray(result)) throw new ModernProtocolError(`${method}: result is not an object`, { rpc: message });
    // basic/index.mdx: absent resultType means "complete"; an unrecognized one is invalid.
    const resultType = result.resultType ?? 'complete';
    if (!KNOWN_RESULT_TYPES.has(resultType)) throw new ModernProtocolError(`${method}: unknown resultType ${JSON.stringify(resultType)}`, { rpc: message });
    if (resultType === 'input_required') {
      throw new ModernProtocolError(`${method}: the server asks for input (input_required), which this client does not provide`, { rpc: message });
    }
    return result;
  }

  discover() {
    return this.request('server/discover');
  }

  /** tools/list; tools with an invalid x-mcp-header are left out (and listed in rejectedTools). */
  async listTools(cursor) {
    const result = await this.request('tools/list', cursor === undefined ? {} : { cursor });
    const tools = [];
    for (const tool of result.tools ?? []) {
      try {
        tool.mcpHeaders = mcpHeaderParams(tool.inputSchema);
        tools.push(tool);
        this.tools.set(tool.name, tool);
      } catch (err) {
        this.rejectedTools.push({ name: tool.name, reason: err.message });
      }
    }
    return { ...result, tools };
  }

  /** tools/call, with Mcp-Param-{Name} headers for the tool's x-mcp-header arguments. */
  callTool(name, args = {}) {
    const extraHeaders = {};
    for (const { path, header } of this.tools.get(name)?.mcpHeaders ?? []) {
      const value = path.reduce((obj, key) => (obj && typeof obj === 'object' ? obj[key] : undefined), args);
      const text = value === null || value === undefined ? null : paramString(value);
      if (text !== null) extraHeaders[`Mcp-Param-${header}`] = encodeHeaderValue(text);
    }
    return this.request('tools/call', { name, arguments: args }, { extraHeaders });
  }

  readResource(uri) {
    return this.request('resources/read', { uri });
  }
}
