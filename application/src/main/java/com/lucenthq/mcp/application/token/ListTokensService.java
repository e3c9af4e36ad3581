package com.lucenthq.mcp.application.token;

import com.lucenthq.mcp.application.port.in.token.ListTokens;
import com.lucenthq.mcp.application.port.in.token.TokenSummary;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.TokenStore;
import java.util.List;
import java.util.Objects;

public final class ListTokensService implements ListTokens {

    private final TokenStore store;

    public ListTokensService(TokenStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<TokenSummary> list(OrgId org) {
        return store.list(org).stream().map(TokenSummary::of).toList();
    }
}
