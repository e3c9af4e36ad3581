package com.lucenthq.mcp.bootstrap;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Writes the audit logger's records to standard error as they are: one JSON object per line, for a
 * log shipper to parse without stripping a prefix. Configured in {@code logging.properties}.
 */
public final class AuditLogHandler extends ConsoleHandler {

    public AuditLogHandler() {
        setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        });
    }
}
