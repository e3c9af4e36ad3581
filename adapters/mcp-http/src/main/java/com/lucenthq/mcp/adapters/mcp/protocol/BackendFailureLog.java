package com.lucenthq.mcp.adapters.mcp.protocol;

import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a failed backend call as one line: what failed, for which org, the sentence naming the service, and the cause
 * with its status (e.g. {@code StatusRuntimeException: UNAVAILABLE: io exception}). The cause's stack trace is added
 * at most once a minute per kind of cause (its type and the first word of its message, e.g. gRPC's status code), so
 * a data service that is down or hung costs one line per call instead of dozens.
 */
final class BackendFailureLog {

    private static final long TRACE_INTERVAL = TimeUnit.MINUTES.toNanos(1);
    /** Kinds of cause remembered at most; beyond it the memory starts over (a trace more, never unbounded memory). */
    private static final int MAX_KINDS = 1_000;
    private static final Map<String, Long> lastTrace = new ConcurrentHashMap<>();

    private BackendFailureLog() {
    }

    static void failed(Logger log, String what, Principal principal, DataSourceUnavailableException e) {
        Throwable cause = e.getCause();
        String line = what + " for org " + principal.org() + ": " + e.getMessage()
                + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
        log.log(Level.WARNING, line, traceDue(cause) ? cause : null);
    }

    private static boolean traceDue(Throwable cause) {
        if (cause == null) {
            return false;
        }
        String message = String.valueOf(cause.getMessage());
        int colon = message.indexOf(':');
        String kind = cause.getClass().getName() + ": " + (colon > 0 ? message.substring(0, Math.min(colon, 64))
                : message.substring(0, Math.min(message.length(), 64)));
        if (lastTrace.size() >= MAX_KINDS) {
            lastTrace.clear();
        }
        long now = System.nanoTime();
        boolean[] due = {false};
        lastTrace.compute(kind, (key, last) -> {
            if (last == null || now - last >= TRACE_INTERVAL) {
                due[0] = true;
                return now;
            }
            return last;
        });
        return due[0];
    }
}
