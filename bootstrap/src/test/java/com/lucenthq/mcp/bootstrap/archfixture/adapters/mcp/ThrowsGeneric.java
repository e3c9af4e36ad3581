package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** A generic exception. */
final class ThrowsGeneric {
    void fail() {
        throw new RuntimeException("generic");
    }
}
