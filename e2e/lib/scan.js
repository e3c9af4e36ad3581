// Secret scanning of logs and data files (binary-safe).

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const TOKEN_REGEX = /luc_mcp_[A-Za-z0-9_-]{32}/g;

/**
 * Every secret format the server mints: MCP tokens (static ones and OAuth access tokens alike),
 * OAuth refresh tokens and authorization codes (prefix + base64url of 32 bytes, see
 * domain/token/RefreshToken and AuthorizationCode). Admin keys and session cookies are found as
 * needles (each one minted is remembered), since their prefix also appears in the server's docs.
 */
export const SECRET_PATTERNS = [
  { what: 'luc_mcp_ token pattern', regex: TOKEN_REGEX },
  { what: 'luc_rt_ refresh token pattern', regex: /luc_rt_[A-Za-z0-9_-]{43}/g },
  { what: 'luc_code_ authorization code pattern', regex: /luc_code_[A-Za-z0-9_-]{43}/g },
];

/** The needles to look for: each secret, and its random part without the `luc_…_` prefix. */
export function needlesOf(secrets) {
  return secrets.filter(Boolean).flatMap((s) => [s, s.replace(/^luc_[a-z]+_/, '')]);
}

export async function listFiles(dir) {
  const out = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile()) out.push(p);
    else if (e.isSymbolicLink() && (await stat(p)).isFile()) out.push(p);
  }
  return out;
}

/**
 * Looks for every needle (the plaintext tokens and their secret part without the
 * prefix) and for the SECRET_PATTERNS, in latin1 (bytes as-is) and in UTF-16 forms.
 * Findings name the file and offset, never the secret itself.
 */
export async function scanFiles(files, needles) {
  const findings = [];
  for (const file of files) {
    const buf = await readFile(file);
    const views = {
      bytes: buf.toString('latin1'),
      utf16le: buf.toString('utf16le'),
      'utf16le+1': buf.subarray(1).toString('utf16le'),
      utf16be: swap16(buf).toString('utf16le'),
      'utf16be+1': swap16(buf.subarray(1)).toString('utf16le'),
    };
    for (const [encoding, text] of Object.entries(views)) {
      for (const { what, regex } of SECRET_PATTERNS) {
        for (const m of text.matchAll(regex)) findings.push({ file, encoding, offset: m.index, what });
      }
      needles.forEach((needle, i) => {
        const at = text.indexOf(needle);
        if (at >= 0) findings.push({ file, encoding, offset: at, what: `minted secret #${i}` });
      });
    }
  }
  return findings;
}

function swap16(buf) {
  const b = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
  return b.swap16();
}
