package com.lucenthq.mcp.adapters.admin;

import com.lucenthq.mcp.application.port.in.admin.AuthenticateAdminSession;
import com.lucenthq.mcp.application.port.in.token.CreateToken;
import com.lucenthq.mcp.application.port.in.admin.EndAdminSession;
import com.lucenthq.mcp.application.port.in.token.ListTokens;
import com.lucenthq.mcp.application.port.in.token.RevokeToken;
import com.lucenthq.mcp.application.port.in.admin.StartAdminSession;
import java.util.Objects;

/** Everything the admin side may call: admin sessions and token management. No query use case is here. */
public record AdminUseCases(StartAdminSession startSession, AuthenticateAdminSession authenticate,
                            EndAdminSession endSession, CreateToken createToken, ListTokens listTokens,
                            RevokeToken revokeToken) {

    public AdminUseCases {
        Objects.requireNonNull(startSession, "startSession");
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(endSession, "endSession");
        Objects.requireNonNull(createToken, "createToken");
        Objects.requireNonNull(listTokens, "listTokens");
        Objects.requireNonNull(revokeToken, "revokeToken");
    }
}
