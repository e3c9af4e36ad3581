package com.lucenthq.mcp.bootstrap.archfixture.application.query;

import com.lucenthq.mcp.bootstrap.archfixture.application.port.in.token.ForgetToken;
import com.lucenthq.mcp.domain.token.Principal;

/** A query service that implements a token use case. */
public final class MisfiledService implements ForgetToken {
    @Override
    public void forget(Principal principal) {
    }
}
