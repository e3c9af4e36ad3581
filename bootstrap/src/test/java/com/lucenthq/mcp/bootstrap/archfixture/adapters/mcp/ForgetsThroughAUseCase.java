package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

import com.lucenthq.mcp.bootstrap.archfixture.application.port.in.token.ForgetToken;
import com.lucenthq.mcp.domain.token.Principal;

/** The MCP side calling a use case whose implementation revokes: the write is one hop away. */
final class ForgetsThroughAUseCase {
    void forget(ForgetToken forget, Principal principal) {
        forget.forget(principal);
    }
}
