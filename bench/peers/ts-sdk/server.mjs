// Benchmark peer 1: what a team would build on the official MCP TypeScript SDK instead of Lucent MCP.
//
// The SDK's documented stateless pattern (examples/server/simpleStatelessStreamableHttp): the SDK's own Express
// app (createMcpExpressApp: localhost Host-header check + JSON body parser) and, for every POST, a new McpServer and
// a new StreamableHTTPServerTransport with sessionIdGenerator undefined, here with enableJsonResponse so the answer
// is one application/json body rather than an SSE stream. The tools list_issues and get_issue have the same input
// and output schemas as Lucent MCP (in zod, the SDK's schema language) and answer with one gRPC call each to the
// same sample backend (@grpc/grpc-js, the .proto files of proto/), rendered in the same JSON shape. No
// authentication: every call reads the organization given on the command line.
//
//   node server.mjs --port N --backend HOST:PORT --proto-dir DIR [--org acme] [--no-output-schema]
// Port 0 picks a free port; prints "TS SDK peer listening on 127.0.0.1:PORT".

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import * as z from 'zod';
import { parseArgs } from 'node:util';
import path from 'node:path';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    backend: { type: 'string' },
    'proto-dir': { type: 'string' },
    org: { type: 'string', default: 'acme' },
    'no-output-schema': { type: 'boolean', default: false },
  },
});
if (!options.backend || !options['proto-dir']) {
  console.error('usage: node server.mjs --port N --backend HOST:PORT --proto-dir DIR [--org ORG] [--no-output-schema]');
  process.exit(2);
}
const ORG = options.org;
const DEADLINE_MS = 2000;

// --- gRPC client of lucent.data.v1.IssueService -----------------------------------------------------------------

const definition = protoLoader.loadSync(path.join(options['proto-dir'], 'lucent/data/v1/issues.proto'), {
  includeDirs: [options['proto-dir']],
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
});
const IssueService = grpc.loadPackageDefinition(definition).lucent.data.v1.IssueService;
const issues = new IssueService(options.backend, grpc.credentials.createInsecure());

function call(method, request) {
  return new Promise((resolve, reject) => {
    issues[method](request, { deadline: Date.now() + DEADLINE_MS }, (error, response) =>
      error ? reject(error) : resolve(response));
  });
}

// --- schemas: those of Lucent MCP's tools/list, in zod -----------------------------------------------------------

const uuid = z.guid();
const time = z.string(); // ISO-8601; parsed below, as Lucent MCP also takes offsets and plain dates
const STATUSES = ['unresolved', 'resolved', 'ignored'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const KINDS = ['anomaly', 'trend', 'regression', 'correlation', 'digest'];

const listIssuesInput = z.object({
  status: z.enum([...STATUSES, 'all']).default('unresolved').describe('Which issues to include by status.'),
  severity: z.enum(SEVERITIES).optional().describe('Minimum severity: only issues at least this severe.'),
  signal_id: uuid.optional().describe('Only issues matched by this signal (a UUID from list_signals).'),
  query: z.string().max(200).optional().describe('Words to look for in the title, description or service (at most 200 characters).'),
  since: time.optional().describe('Only issues last seen at or after this ISO-8601 time, e.g. 2026-11-17T00:00:00Z.'),
  until: time.optional().describe('Only issues last seen before this ISO-8601 time.'),
  sort: z.enum(['severity', 'last_seen', 'first_seen', 'occurrences']).default('severity').describe('Order of the results.'),
  limit: z.number().int().min(1).max(100).default(25).describe('Maximum number of items to return (1-100).'),
  cursor: z.string().optional().describe("Opaque cursor from a previous call's next_cursor, to fetch the next page with the same arguments."),
}).strict();

const getIssueInput = z.object({
  id: uuid.describe("The issue's id, a UUID such as 87b3a6b6-5af5-438b-a39c-eff148a68ccb."),
}).strict();

const issueShape = {
  id: uuid, title: z.string(), status: z.enum(STATUSES), severity: z.enum(SEVERITIES), service: z.string(),
  first_seen: z.string(), last_seen: z.string(), occurrences: z.number().int().min(0),
  affected_users: z.number().int().min(0), signal_ids: z.array(uuid),
};
const listIssuesOutput = z.object({
  issues: z.array(z.object(issueShape)), next_cursor: z.string().nullable(), truncated: z.boolean(),
});
const getIssueOutput = z.object({
  ...issueShape,
  description: z.string(),
  timeline: z.array(z.object({ date: z.string(), occurrences: z.number().int().min(0) })),
  related_signals: z.array(z.object({ id: uuid, name: z.string() })),
  related_insights: z.array(z.object({ id: uuid, title: z.string(), kind: z.enum(KINDS), created_at: z.string() })),
});
const withOutputSchema = !options['no-output-schema'];
const annotations = (title) => ({ title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false });

// --- rendering: the shapes of Lucent MCP's DomainJson -----------------------------------------------------------

const STATUS = { ISSUE_STATUS_UNRESOLVED: 'unresolved', ISSUE_STATUS_RESOLVED: 'resolved', ISSUE_STATUS_IGNORED: 'ignored' };
const SEVERITY = { SEVERITY_LOW: 'low', SEVERITY_MEDIUM: 'medium', SEVERITY_HIGH: 'high', SEVERITY_CRITICAL: 'critical' };
const STATUS_PROTO = { unresolved: 'ISSUE_STATUS_UNRESOLVED', resolved: 'ISSUE_STATUS_RESOLVED', ignored: 'ISSUE_STATUS_IGNORED' };
const SEVERITY_PROTO = Object.fromEntries(Object.entries(SEVERITY).map(([k, v]) => [v, k]));
const SORT_PROTO = { severity: 'ISSUE_SORT_SEVERITY', last_seen: 'ISSUE_SORT_LAST_SEEN', first_seen: 'ISSUE_SORT_FIRST_SEEN', occurrences: 'ISSUE_SORT_OCCURRENCES' };

/** A protobuf Timestamp as java.time.Instant#toString prints it: no fraction when zero, else 3, 6 or 9 digits. */
function instant(ts) {
  const iso = new Date(Number(ts.seconds) * 1000).toISOString().slice(0, 19);
  const nanos = ts.nanos || 0;
  if (nanos === 0) return iso + 'Z';
  const digits = String(nanos).padStart(9, '0');
  const fraction = nanos % 1e6 === 0 ? digits.slice(0, 3) : nanos % 1e3 === 0 ? digits.slice(0, 6) : digits;
  return `${iso}.${fraction}Z`;
}

function timestamp(text, name) {
  const millis = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? text + 'T00:00:00Z' : text);
  if (Number.isNaN(millis)) throw invalid(name, 'must be an ISO-8601 date-time');
  return { seconds: Math.floor(millis / 1000), nanos: (millis % 1000) * 1e6 };
}

function issue(proto) {
  return {
    id: proto.id,
    title: proto.title,
    status: STATUS[proto.status],
    severity: SEVERITY[proto.severity],
    service: proto.service,
    first_seen: instant(proto.first_seen),
    last_seen: instant(proto.last_seen),
    occurrences: proto.occurrences,
    affected_users: proto.affected_users,
    signal_ids: proto.signal_ids,
  };
}

/** Structured content plus the same JSON as a text block, as Lucent MCP answers. */
function success(structured) {
  return { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured, isError: false };
}

function failure(message) {
  return { content: [{ type: 'text', text: message }], isError: true };
}

function invalid(name, why) {
  return new McpError(ErrorCode.InvalidParams, `Invalid argument '${name}': ${why}`);
}

// --- the tools ------------------------------------------------------------------------------------------------------

async function listIssues(args) {
  const request = {
    org_id: ORG,
    statuses: args.status === 'all' ? [] : [STATUS_PROTO[args.status]],
    sort: SORT_PROTO[args.sort],
    page_size: args.limit,
    page_token: args.cursor ?? '',
  };
  if (args.severity) request.min_severity = SEVERITY_PROTO[args.severity];
  if (args.signal_id) request.signal_id = args.signal_id;
  if (args.query) request.text = args.query;
  if (args.since || args.until) {
    request.last_seen = {};
    if (args.since) request.last_seen.start = timestamp(args.since, 'since');
    if (args.until) request.last_seen.end = timestamp(args.until, 'until');
  }
  let response;
  try {
    response = await call('ListIssues', request);
  } catch (error) {
    if (error.code === grpc.status.INVALID_ARGUMENT && args.cursor) {
      throw invalid('cursor', 'not a cursor issued for these arguments');
    }
    return failure('The issue service is unavailable right now; try again in a few seconds.');
  }
  return success({
    issues: response.issues.map(issue),
    next_cursor: response.next_page_token === '' ? null : response.next_page_token,
    truncated: false,
  });
}

async function getIssue({ id }) {
  let response;
  try {
    response = await call('GetIssue', { org_id: ORG, id: id.toLowerCase() });
  } catch (error) {
    if (error.code === grpc.status.NOT_FOUND) {
      return failure(`No issue with id ${id} exists in this organization. Use list_issues to find valid ids.`);
    }
    return failure('The issue service is unavailable right now; try again in a few seconds.');
  }
  const detail = issue(response.issue);
  detail.description = response.issue.description;
  detail.timeline = response.timeline.map((day) => ({ date: day.date, occurrences: day.occurrences }));
  detail.related_signals = response.related_signals.map((signal) => ({ id: signal.id, name: signal.name }));
  detail.related_insights = response.related_insights.map((insight) => ({
    id: insight.id, title: insight.title, kind: insight.kind, created_at: instant(insight.created_at),
  }));
  return success(detail);
}

function getServer() {
  const server = new McpServer({ name: 'bench-ts-sdk-peer', version: '0.0.0' }, { capabilities: { tools: {} } });
  server.registerTool('list_issues', {
    title: 'List issues',
    description: "Lists the organization's issues, most critical unresolved first by default. Filter by status, minimum severity, signal, text or last-seen time; page with cursor. Use get_issue for one issue's details.",
    inputSchema: listIssuesInput,
    ...(withOutputSchema ? { outputSchema: listIssuesOutput } : {}),
    annotations: annotations('List issues'),
  }, listIssues);
  server.registerTool('get_issue', {
    title: 'Get issue',
    description: "Fetches one issue by id with its description, daily occurrence counts for the last 14 days, and the signals and insights related to it.",
    inputSchema: getIssueInput,
    ...(withOutputSchema ? { outputSchema: getIssueOutput } : {}),
    annotations: annotations('Get issue'),
  }, getIssue);
  return server;
}

// --- HTTP: the SDK's stateless example, with JSON responses ------------------------------------------------------

const app = createMcpExpressApp();
app.post('/api/mcp', async (req, res) => {
  const server = getServer();
  try {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      transport.close();
      server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  } catch (error) {
    console.error('Error handling MCP request:', error);
    if (!res.headersSent) {
      res.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: null });
    }
  }
});
const methodNotAllowed = (req, res) => {
  res.writeHead(405).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null }));
};
app.get('/api/mcp', methodNotAllowed);
app.delete('/api/mcp', methodNotAllowed);

const listener = app.listen(Number(options.port), '127.0.0.1', (error) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  console.log(`TS SDK peer listening on 127.0.0.1:${listener.address().port}`);
});
const stop = () => {
  listener.close();
  issues.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
