// Harness: runs the real Lucent MCP server and its token CLI through the launcher
// `bin/lucent-mcp` at the repository root, each on a fresh temporary data directory.
//
// Environment:
//   LUCENT_MCP_BIN      launcher to use instead of ../bin/lucent-mcp
//   LUCENT_E2E_KEEP=1   keep the temporary directory (data dir + logs) after the run

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LAUNCHER = process.env.LUCENT_MCP_BIN
  ? resolve(process.env.LUCENT_MCP_BIN)
  : resolve(E2E_DIR, '../bin/lucent-mcp');
export const ARTIFACTS_DIR = join(E2E_DIR, 'artifacts');

export const MCP_URL_PATTERN = /http:\/\/127\.0\.0\.1:(\d+)\/api\/mcp/;
/** The start-up line with the address bound, which is loopback also when --public-url names another host. */
export const BOUND_PATTERN = /Bound to: +127\.0\.0\.1:(\d+) /;
export const TOKEN_PATTERN = /^luc_mcp_[A-Za-z0-9_-]{32}$/;

/** The first launcher command may build the Java project: allow it plenty of time. */
export const FIRST_COMMAND_TIMEOUT_MS = 5 * 60_000;
export const START_TIMEOUT_MS = 120_000;
export const CLI_TIMEOUT_MS = 120_000;
export const STOP_TIMEOUT_MS = 30_000;

const GENEROUS_RATE_LIMITS = {
  LUCENT_MCP_RATE_PER_TOKEN: '1000/s,burst=1000',
  LUCENT_MCP_RATE_PER_ADDRESS: '1000/s,burst=1000',
  LUCENT_MCP_RATE_FAILED_AUTH: '1000/s,burst=1000',
};

/**
 * Runs the launcher with `args`; resolves with { code, signal, stdout, stderr }.
 * Stdout and stderr are captured separately; stderr is also appended to `logFile`
 * when given (stdout may carry a plaintext token and is never written anywhere).
 */
export function runLauncher(args, { timeoutMs = CLI_TIMEOUT_MS, logFile } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(LAUNCHER, args, {
      cwd: resolve(E2E_DIR, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${LAUNCHER}: ${e.message}`));
    });
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (logFile) {
        await appendFile(logFile, `\n$ lucent-mcp ${redactArgs(args).join(' ')}  (exit ${code ?? signal})\n${stderr}`);
      }
      if (timedOut) {
        reject(new Error(`lucent-mcp ${redactArgs(args).join(' ')} timed out after ${timeoutMs} ms\nstderr:\n${stderr}`));
        return;
      }
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

function redactArgs(args) {
  return args.map((a) => (a.startsWith('luc_mcp_') ? 'luc_mcp_<redacted>' : a));
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal); // the launcher may fork (e.g. a build, then java)
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

async function runOk(args, opts) {
  const res = await runLauncher(args, opts);
  if (res.code !== 0) {
    const tail = res.stderr.split('\n').slice(-80).join('\n');
    throw new Error(`lucent-mcp ${redactArgs(args).join(' ')} exited with ${res.code ?? res.signal}\nstderr (tail):\n${tail}`);
  }
  return res;
}

/**
 * One server on one fresh data dir, plus the token CLI on the same data dir.
 * Every minted plaintext token is remembered in `mintedTokens` for the secrets scan.
 */
export class LucentServer {
  constructor(tmpDir) {
    this.tmpDir = tmpDir;
    this.dataDir = join(tmpDir, 'data');
    this.logFile = join(tmpDir, 'server.log');
    this.cliLogFile = join(tmpDir, 'cli-stderr.log');
    this.mintedTokens = [];
    this.process = null;
    this.exit = null;
    this.port = null;
    this.baseUrl = null;
    this.mcpUrl = null;
  }

  /**
   * Creates the temp dir, warms the launcher up (first run may build), starts `serve`, with `serveArgs` after its
   * own options (e.g. `['--data-source', 'in-memory']`) and `env` added to its environment.
   */
  static async start({ startTimeoutMs = START_TIMEOUT_MS, serveArgs = [], env = {} } = {}) {
    if (!existsSync(LAUNCHER)) {
      throw new Error(`launcher not found: ${LAUNCHER} (build the server first, or set LUCENT_MCP_BIN)`);
    }
    const tmpDir = await mkdtemp(join(tmpdir(), 'lucent-e2e-'));
    const server = new LucentServer(tmpDir);
    try {
      await mkdir(server.dataDir, { recursive: true });
      // Warm-up: the first launcher command may compile the project; give it minutes.
      // (`version`: `token list` refuses a data dir without a database, and this one is still empty.)
      await runOk(['version'], {
        timeoutMs: FIRST_COMMAND_TIMEOUT_MS,
        logFile: server.cliLogFile,
      });
      await server.#serve(startTimeoutMs, serveArgs, env);
      return server;
    } catch (err) {
      await server.cleanup(); // stops a server that never printed its URL, keeps its log
      throw err;
    }
  }

  #serve(startTimeoutMs, serveArgs, extraEnv) {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const args = ['serve', ...(serveArgs.includes('--port') ? [] : ['--port', '0']), '--operations-port', '0',
      '--data-dir', this.dataDir, ...serveArgs];
    const child = spawn(LAUNCHER, args, {
      cwd: resolve(E2E_DIR, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      // The suite calls far faster than an agent does; rate limiting has its own tests in adapters/mcp-http.
      env: { ...process.env, ...GENEROUS_RATE_LIMITS, ...extraEnv },
    });
    this.process = child;
    // The server runs in its own process group: never leave it behind if this process dies.
    const killOnExit = () => {
      if (this.running) killGroup(child, 'SIGKILL');
    };
    const killOnSignal = (signal) => {
      killOnExit();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('exit', killOnExit);
    process.once('SIGINT', killOnSignal);
    process.once('SIGTERM', killOnSignal);
    this.exited = new Promise((res) => {
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        res(this.exit);
      });
    });
    this.logClosed = new Promise((res) => {
      child.on('close', () => log.end(res));
    });
    child.stderr.on('data', (chunk) => log.write(chunk));
    return new Promise((resolvePromise, reject) => {
      let buffered = '';
      let done = false;
      const finish = (err) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (err) reject(err);
        else resolvePromise(this);
      };
      const timer = setTimeout(async () => {
        finish(new Error(`no line matching ${BOUND_PATTERN} on stdout within ${startTimeoutMs} ms\n${await this.logTail()}`));
      }, startTimeoutMs);
      child.stdout.on('data', (chunk) => {
        log.write(chunk);
        if (done) return;
        buffered += chunk.toString('utf8');
        const m = BOUND_PATTERN.exec(buffered);
        if (m) {
          this.port = Number(m[1]);
          this.baseUrl = `http://127.0.0.1:${this.port}`;
          this.mcpUrl = `${this.baseUrl}/api/mcp`;
          finish();
        }
      });
      child.on('error', (e) => finish(new Error(`cannot start ${LAUNCHER}: ${e.message}`)));
      child.on('exit', async (code, signal) => {
        finish(new Error(`server exited (${code ?? signal}) before printing its URL\n${await this.logTail()}`));
      });
    });
  }

  get running() {
    return this.process !== null && this.exit === null;
  }

  async logTail(lines = 60) {
    try {
      const text = await readFile(this.logFile, 'utf8');
      return `--- last lines of ${this.logFile} ---\n${text.split('\n').slice(-lines).join('\n')}`;
    } catch {
      return '(no server log)';
    }
  }

  /** SIGTERM, then wait; SIGKILL after `timeoutMs`. Resolves with { code, signal, graceful }. */
  async stop(timeoutMs = STOP_TIMEOUT_MS) {
    if (!this.process) return null;
    if (this.exit) {
      await this.logClosed;
      return { ...this.exit, graceful: true };
    }
    killGroup(this.process, 'SIGTERM');
    let timer;
    const timedOut = new Promise((res) => {
      timer = setTimeout(() => res('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      killGroup(this.process, 'SIGKILL');
      await this.exited;
    }
    await this.logClosed;
    return { ...this.exit, graceful: outcome !== 'timeout' };
  }

  /** Copies the logs to e2e/artifacts/ and removes the temp dir (unless LUCENT_E2E_KEEP=1). */
  async cleanup() {
    await this.stop();
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    for (const f of [this.logFile, this.cliLogFile]) {
      if (existsSync(f)) await cp(f, join(ARTIFACTS_DIR, f.slice(this.tmpDir.length + 1)));
    }
    if (process.env.LUCENT_E2E_KEEP === '1') {
      console.error(`# kept ${this.tmpDir}`);
      return;
    }
    await rm(this.tmpDir, { recursive: true, force: true });
  }

  // ---- token CLI on the same data dir ----

  cli(args, opts = {}) {
    return runLauncher(args, { logFile: this.cliLogFile, ...opts });
  }

  /** `token create`: the plaintext token is the only line on stdout. */
  async createToken(org, name) {
    const { stdout } = await runOk(['token', 'create', '--org', org, '--name', name, '--data-dir', this.dataDir], {
      logFile: this.cliLogFile,
    });
    const lines = stdout.split('\n').filter((l) => l.length > 0);
    if (lines.length !== 1) {
      throw new Error(`token create must print exactly one line on stdout, got ${lines.length}`);
    }
    const token = lines[0].replace(/\r$/, '');
    if (!TOKEN_PATTERN.test(token)) {
      throw new Error(`token create printed a line that is not a luc_mcp_ token (${token.length} chars)`);
    }
    this.mintedTokens.push(token);
    return token;
  }

  /** `token list --json`: parsed array; `raw` keeps the exact stdout for leak checks. */
  async listTokens(org) {
    const { stdout } = await runOk(['token', 'list', '--org', org, '--data-dir', this.dataDir, '--json'], {
      logFile: this.cliLogFile,
    });
    const tokens = JSON.parse(stdout);
    return Object.assign(tokens, { raw: stdout });
  }

  async revokeToken(org, tokenId) {
    return runOk(['token', 'revoke', '--org', org, '--data-dir', this.dataDir, tokenId], {
      logFile: this.cliLogFile,
    });
  }

  /** Mints a token and finds its id through `token list` (by its unique name). */
  async createTokenWithId(org, name) {
    const token = await this.createToken(org, name);
    const list = await this.listTokens(org);
    const entry = list.find((t) => t.name === name);
    if (!entry) throw new Error(`token "${name}" missing from token list --json`);
    return { token, id: entry.id, name };
  }
}
