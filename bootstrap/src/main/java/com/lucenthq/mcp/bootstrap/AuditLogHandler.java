package com.lucenthq.mcp.bootstrap;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Writes the audit logger's records to standard error as they are: one JSON object per line, for a log shipper to
 * parse without stripping a prefix. Only records of the audit logger ({@value #AUDIT_LOGGER}, which only the MCP
 * adapter's {@code AuditLog} writes, with Jackson) get through, so an audit line is always a line of this handler; and
 * even then a CR or LF could not break it. Configured in {@code logging.properties}.
 */
public final class AuditLogHandler extends ConsoleHandler {

    /** The name of the MCP adapter's audit logger. */
    static final String AUDIT_LOGGER = "com.lucenthq.mcp.audit";

    public AuditLogHandler() {
        setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return LogLineFormatter.escape(record.getMessage()) + System.lineSeparator();
            }
        });
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        return record != null && AUDIT_LOGGER.equals(record.getLoggerName()) && super.isLoggable(record);
    }
}
