// Helpers for Organization settings → MCP (/admin/): the admin-key CLI and the admin API.

import { randomBytes } from 'node:crypto';
import { runLauncher } from './server.js';

export const ADMIN_KEY_PATTERN = /^luc_adm_[A-Za-z0-9_-]{32}$/;

/** Replaces anything shaped like a token or an admin key, so assertion messages never carry one. */
export function redactSecrets(text) {
  return String(text)
    .replace(/luc_mcp_[A-Za-z0-9_-]*/g, 'luc_mcp_<redacted>')
    .replace(/luc_adm_[A-Za-z0-9_-]*/g, 'luc_adm_<redacted>');
}

/**
 * `admin create --org ORG` on the server's data dir (works while the server runs): the
 * admin key is the only line on stdout. Stdout is never written anywhere; the key is
 * remembered in server.mintedTokens so that the final secrets scan looks for it too.
 */
export async function createAdminKey(server, org) {
  const args = ['admin', 'create', '--org', org, '--data-dir', server.dataDir];
  const res = await runLauncher(args, { logFile: server.cliLogFile });
  if (res.code !== 0) {
    const tail = res.stderr.split('\n').slice(-40).join('\n');
    throw new Error(`lucent-mcp ${args.join(' ')} exited with ${res.code ?? res.signal}\nstderr (tail):\n${redactSecrets(tail)}`);
  }
  const lines = res.stdout.split('\n').filter((l) => l.length > 0);
  if (lines.length !== 1) throw new Error(`admin create must print exactly one line on stdout, got ${lines.length}`);
  const key = lines[0].replace(/\r$/, '');
  if (!ADMIN_KEY_PATTERN.test(key)) {
    throw new Error(`admin create printed a line that is not a luc_adm_ key (${key.length} chars)`);
  }
  server.mintedTokens.push(key);
  return key;
}

/** A random, well-formed but unknown admin key. */
export function randomAdminKey() {
  return `luc_adm_${randomBytes(24).toString('base64url')}`;
}

/**
 * One request to the admin API from Node (not the browser): { status, headers, text, json }.
 * `cookie` is a raw Cookie header value; `origin` an Origin header (omitted when undefined).
 */
export async function adminRequest(baseUrl, path, { method = 'GET', cookie, origin, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (cookie !== undefined) headers.Cookie = cookie;
  if (origin !== undefined) headers.Origin = origin;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(new URL(path, baseUrl), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The token list of GET /admin/api/tokens, whatever the envelope ({tokens:[…]} or […]). */
export function tokensOf(json) {
  if (Array.isArray(json)) return json;
  if (json && Array.isArray(json.tokens)) return json.tokens;
  if (json && Array.isArray(json.items)) return json.items;
  throw new Error(`unexpected token list shape: ${redactSecrets(JSON.stringify(json)).slice(0, 300)}`);
}
