package com.lucenthq.mcp.domain.token;

import com.lucenthq.mcp.domain.org.OrgId;
import java.util.Objects;

/** Who is asking: the org and token of an authenticated request. The only source of an org for a data query. */
public record Principal(OrgId org, TokenId tokenId) {

    public Principal {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
