package com.lucenthq.mcp.bootstrap.archfixture.application.port.in.token;

import com.lucenthq.mcp.domain.token.Principal;

/** A use case that revokes the caller's token: a write. */
public interface ForgetToken {
    void forget(Principal principal);
}
