package com.lucenthq.mcp.domain;

/**
 * A data source could not answer: down, overloaded or too slow. The message is meant for an
 * agent to act on (it names the source and suggests retrying) and never carries internals.
 */
public final class DataSourceUnavailableException extends RuntimeException {

    public DataSourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
