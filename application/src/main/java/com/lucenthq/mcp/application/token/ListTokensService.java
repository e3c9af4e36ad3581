package com.lucenthq.mcp.application.token;

import com.lucenthq.mcp.application.port.in.token.ListTokens;
import com.lucenthq.mcp.application.port.in.token.TokenSummary;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.GrantStore;
import com.lucenthq.mcp.domain.port.TokenStore;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The org's static tokens and OAuth grants in one list, newest first. */
public final class ListTokensService implements ListTokens {

    private static final Comparator<TokenSummary> NEWEST_FIRST =
            Comparator.comparing(TokenSummary::createdAt).reversed();

    private final TokenStore store;
    private final GrantStore grants;

    public ListTokensService(TokenStore store, GrantStore grants) {
        this.store = Objects.requireNonNull(store, "store");
        this.grants = Objects.requireNonNull(grants, "grants");
    }

    @Override
    public List<TokenSummary> list(OrgId org) {
        return Stream.concat(store.list(org).stream().map(TokenSummary::of), grants.list(org).stream().map(TokenSummary::of))
                .sorted(NEWEST_FIRST)
                .toList();
    }
}
