package com.lucenthq.mcp.domain.signal;

/** Orders of a signal listing. */
public enum SignalSort {
    /** Most matches in the query's window first. */
    MATCHES,
    /** By name, A to Z. */
    NAME,
    /** Newest first. */
    CREATED
}
