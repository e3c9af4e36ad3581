package com.lucenthq.mcp.domain;

/**
 * A data source does not offer what was asked of it (an older service without an aggregation, for
 * instance). Unlike {@link DataSourceUnavailableException}, retrying will not help; the message says
 * so and what to use instead, and never carries internals.
 */
public final class DataSourceUnsupportedException extends RuntimeException {

    public DataSourceUnsupportedException(String message, Throwable cause) {
        super(message, cause);
    }
}
