package com.lucenthq.mcp.application.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucenthq.mcp.application.contract.TokenStoreContract;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.TokenStoreUnavailableException;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class InMemoryTokenStoreTest extends TokenStoreContract {

    private static final OrgId ACME = OrgId.of("acme");
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    @Override
    protected TokenStore emptyStore() {
        return new InMemoryTokenStore();
    }

    @Test
    void everyMethodFailsAsUnavailableWhileTheStoreIsDown() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        McpToken token = token();
        store.add(token);

        store.setAvailable(false);

        List<Executable> calls = List.of(
                () -> store.add(McpToken.issued(TokenId.random(), ACME, TokenName.of("other"), new TokenHash("b".repeat(64)), NOW)),
                () -> store.findByHash(token.hash()),
                () -> store.list(ACME),
                () -> store.find(ACME, token.id()),
                () -> store.revoke(ACME, token.id(), NOW),
                () -> store.recordUsage(token.id(), NOW));
        for (Executable call : calls) {
            assertThrows(TokenStoreUnavailableException.class, call);
        }
    }

    @Test
    void tokensSurviveAnOutageUnchanged() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        McpToken token = token();
        store.add(token);
        store.setAvailable(false);
        assertThrows(TokenStoreUnavailableException.class, () -> store.revoke(ACME, token.id(), NOW));

        store.setAvailable(true);

        assertEquals(Optional.of(token), store.findByHash(token.hash()));
    }

    @Test
    void aSecondTokenWithTheSameHashIsRefused() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        McpToken token = token();
        store.add(token);

        McpToken sameHash = McpToken.issued(TokenId.random(), ACME, TokenName.of("copy"), token.hash(), NOW);
        assertThrows(IllegalStateException.class, () -> store.add(sameHash));
    }

    private static McpToken token() {
        return McpToken.issued(TokenId.random(), ACME, TokenName.of("my laptop"), new TokenHash("a".repeat(64)), NOW);
    }
}
