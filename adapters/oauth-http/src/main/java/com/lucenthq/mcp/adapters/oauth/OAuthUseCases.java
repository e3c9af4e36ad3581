package com.lucenthq.mcp.adapters.oauth;

import com.lucenthq.mcp.application.port.in.oauth.CheckAuthorization;
import com.lucenthq.mcp.application.port.in.oauth.ExchangeToken;
import com.lucenthq.mcp.application.port.in.oauth.RegisterClient;
import com.lucenthq.mcp.application.port.in.oauth.RevokeOAuthToken;
import java.util.Objects;

/** What the OAuth endpoints may call. The consent decision is not here: it belongs to the signed-in admin's page. */
public record OAuthUseCases(RegisterClient register, CheckAuthorization checkAuthorization, ExchangeToken exchange,
                            RevokeOAuthToken revoke) {

    public OAuthUseCases {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(checkAuthorization, "checkAuthorization");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(revoke, "revoke");
    }
}
