package com.lucenthq.mcp.bootstrap.archfixture.domain;

/** Rings: the domain points outward, at an adapter. */
public final class ReachesAnAdapter {
    com.lucenthq.mcp.bootstrap.archfixture.adapters.console.ConsoleCommand adapter;
}
