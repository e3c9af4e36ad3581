package com.lucenthq.mcp.adapters.admin;

import com.lucenthq.mcp.application.port.in.oauth.CheckAuthorization;
import com.lucenthq.mcp.application.port.in.oauth.DecideAuthorization;
import java.util.Objects;

/** What the OAuth consent screen calls besides the admin session: checking a request and deciding it. */
public record ConsentUseCases(CheckAuthorization check, DecideAuthorization decide) {

    public ConsentUseCases {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(decide, "decide");
    }
}
