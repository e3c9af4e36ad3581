// A loopback HTTP proxy whose ONLY job is to add `Authorization: Bearer <token>` to every request
// it forwards to the Lucent MCP server. The conformance suite cannot send a bearer token itself;
// the server's authentication stays on.
//
// Everything else is passed through unchanged: method, path and query, every header (Host and
// Origin included, so the DNS-rebinding scenario still exercises the server's own Origin check),
// the body, and the response (status, headers, body), streamed chunk by chunk so that a
// text/event-stream response would reach the client as it is produced. Only the hop-by-hop
// headers of RFC 9110 §7.6.1 are left to Node, which re-frames each hop itself. An Authorization
// header sent by the client is replaced, never duplicated.

import http from 'node:http';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** rawHeaders ([name, value, name, value, ...]) → a flat array without hop-by-hop headers. */
function forwardable(rawHeaders, drop = new Set()) {
  const out = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    if (HOP_BY_HOP.has(name) || drop.has(name)) continue;
    out.push(rawHeaders[i], rawHeaders[i + 1]);
  }
  return out;
}

/**
 * Starts the proxy on 127.0.0.1 at a free port. Its target and token are set later with
 * `setTarget` (the server must know the proxy's origin before it starts); until then it answers 503.
 * Resolves with { url, origin, port, setTarget(baseUrl, token), close() }.
 */
export async function startAuthProxy() {
  let target = null; // URL of the server's base, e.g. http://127.0.0.1:41234
  let authorization = null;
  const sockets = new Set();

  const server = http.createServer((req, res) => {
    if (!target) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('proxy target not set yet\n');
      return;
    }
    const headers = forwardable(req.rawHeaders, new Set(['authorization']));
    headers.push('Authorization', authorization);
    const upstream = http.request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers, // flat array: keeps order, case and repeated headers; Host is the client's own
      setHost: false,
    });
    upstream.on('response', (up) => {
      res.writeHead(up.statusCode, up.statusMessage, forwardable(up.rawHeaders));
      res.flushHeaders(); // an event stream must not wait for its first chunk
      up.on('data', (chunk) => res.write(chunk));
      up.on('end', () => res.end());
      up.on('error', () => res.destroy());
    });
    upstream.on('error', (err) => {
      if (res.headersSent) {
        res.destroy();
      } else {
        res.writeHead(502, { 'content-type': 'text/plain' }).end(`auth proxy: upstream error: ${err.message}\n`);
      }
    });
    // The client going away (e.g. cancelling an SSE reader) ends the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    url: `${origin}/api/mcp`,
    setTarget(baseUrl, token) {
      target = new URL(baseUrl);
      authorization = `Bearer ${token}`;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}
