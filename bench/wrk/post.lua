-- wrk script of bench/run: POSTs one JSON-RPC request and prints one machine-readable result line.
--
-- Environment (read by every wrk thread):
--   BENCH_BODY     the request body (required)
--   BENCH_TOKEN    bearer token; sent as "Authorization: Bearer ..." when set (never printed)
--   BENCH_RATE     optional: total offered rate in requests/s; paces the requests (see below)
--   BENCH_THREADS  the -t given to wrk; needed with BENCH_RATE to split the rate between threads
--
-- Every request carries the headers of a streamable-HTTP MCP client: Content-Type application/json,
-- Accept "application/json, text/event-stream", MCP-Protocol-Version 2025-11-25.
--
-- Pacing. wrk is closed-loop: each connection sends its next request as soon as the previous answer arrives. With
-- BENCH_RATE, the delay() hook turns each thread into a scheduler of evenly spaced send slots (rate / threads per
-- second): each request takes the next free slot and waits until that slot's time. So the offered rate is at most
-- BENCH_RATE, and equals it as long as a connection is free at each slot. Limits: wrk's delay is in whole
-- milliseconds (a request may leave up to 1 ms before its slot; the average rate is unaffected); latency is
-- measured from the moment the request was actually sent, so when the server falls behind, the time a request
-- waited for a free connection is NOT counted (coordinated omission): check that the achieved rate is the
-- offered one before trusting the percentiles.
--
-- done() prints, on standard output:
--   BENCH_RESULT rps=<float> p50_us=<int> p99_us=<int> requests=<int> status_errors=<int> socket_errors=<int>
--                connect=<int> read=<int> write=<int> timeout=<int> duration_s=<float>
-- status_errors counts answers with a status >= 400 (wrk's "Non-2xx or 3xx responses").

local body = os.getenv("BENCH_BODY")
if body == nil or body == "" then
  error("BENCH_BODY is not set")
end

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
local token = os.getenv("BENCH_TOKEN")
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate ~= nil and rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clk_id, bench_timespec *tp);
  ]]
  local CLOCK_MONOTONIC = 1
  local now_ts = ffi.new("bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, now_ts)
    return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
  end
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  local interval_ms = 1000 * threads / rate -- between two sends of this thread
  local next_slot = nil

  function delay()
    local now = now_ms()
    if next_slot == nil or next_slot < now then
      -- idle (or behind): the slot is now; being behind is not made up for with a burst
      next_slot = now
    end
    local wait = next_slot - now
    next_slot = next_slot + interval_ms
    return wait
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH_RESULT rps=%.1f p50_us=%d p99_us=%d requests=%d status_errors=%d socket_errors=%d connect=%d read=%d write=%d timeout=%d duration_s=%.2f\n",
    summary.requests / seconds, latency:percentile(50), latency:percentile(99), summary.requests, e.status,
    socket_errors, e.connect, e.read, e.write, e.timeout, seconds))
end
