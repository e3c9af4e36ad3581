package com.lucenthq.mcp.application.token;

import com.lucenthq.mcp.application.port.in.token.CreateToken;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.SecretGenerator;
import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.port.TokenStore;
import com.lucenthq.mcp.domain.token.IssuedToken;
import com.lucenthq.mcp.domain.token.McpToken;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.util.Objects;

/** Generates a secret, stores only its digest, and hands the plaintext back once. */
public final class CreateTokenService implements CreateToken {

    private final TokenStore store;
    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final Clock clock;

    public CreateTokenService(TokenStore store, SecretGenerator generator, SecretHasher hasher, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IssuedToken create(OrgId org, TokenName name) {
        PlaintextToken plaintext = generator.generate();
        McpToken token = McpToken.issued(TokenId.random(), org, name, hasher.hash(plaintext), clock.now());
        store.add(token);
        return new IssuedToken(token, plaintext);
    }
}
