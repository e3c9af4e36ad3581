package com.lucenthq.mcp.bootstrap;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Formats every log record but the audit lines: {@code time LEVEL logger: message}, then the stack trace, if any,
 * one frame per line, each line starting with {@code Exception: }, {@code Caused by: } or a tab. Whatever a message or an exception's message holds, CR, LF and every other control character
 * are escaped ({@code \n}, {@code \r}, {@code \u001b}…), so no value can break a line, start a line of its own, or
 * pass for an audit line: a line of this formatter always starts with its timestamp, an audit line with {@code {}.
 * Configured in {@code logging.properties}; the one place where log values are escaped.
 */
public final class LogLineFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128)
                .append(TIME.format(ZonedDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault())))
                .append(' ').append(record.getLevel().getName())
                .append(' ').append(escape(record.getLoggerName()))
                .append(": ").append(escape(formatMessage(record)));
        if (record.getThrown() != null) {
            appendThrowable(line, record.getThrown());
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static void appendThrowable(StringBuilder line, Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause() == cause ? null : cause.getCause()) {
            line.append(System.lineSeparator()).append(depth == 0 ? "Exception: " : "Caused by: ").append(escape(cause.toString()));
            for (StackTraceElement frame : cause.getStackTrace()) {
                line.append(System.lineSeparator()).append("\tat ").append(escape(frame.toString()));
            }
        }
    }

    /** {@code text} on one line: control characters (C0, DEL, C1, U+2028, U+2029) as Java-style escapes. */
    static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                switch (c) {
                    case '\n' -> escaped.append("\\n");
                    case '\r' -> escaped.append("\\r");
                    case '\t' -> escaped.append("\\t");
                    default -> {
                        if (control) {
                            escaped.append(String.format("\\u%04x", (int) c));
                        } else {
                            escaped.append(c);
                        }
                    }
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
