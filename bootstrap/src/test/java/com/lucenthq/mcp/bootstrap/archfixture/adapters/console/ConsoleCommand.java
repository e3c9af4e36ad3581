package com.lucenthq.mcp.bootstrap.archfixture.adapters.console;

/**
 * A new inbound adapter module, named in no rule: it drives a use case, and also holds the token store directly.
 */
public final class ConsoleCommand {
    com.lucenthq.mcp.application.port.in.token.CreateToken create;
    com.lucenthq.mcp.domain.port.TokenStore store;
}
