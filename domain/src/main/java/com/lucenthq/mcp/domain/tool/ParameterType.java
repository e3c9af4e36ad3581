package com.lucenthq.mcp.domain.tool;

/** The JSON type of a tool argument. */
public enum ParameterType {
    STRING, INTEGER, BOOLEAN,
    /** An array of distinct strings. */
    STRINGS
}
