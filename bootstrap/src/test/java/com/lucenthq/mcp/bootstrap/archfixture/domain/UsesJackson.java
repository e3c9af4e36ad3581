package com.lucenthq.mcp.bootstrap.archfixture.domain;

/** A framework in the domain. */
public final class UsesJackson {
    com.fasterxml.jackson.databind.ObjectMapper json;
}
