package com.lucenthq.mcp.application.admin;

import com.lucenthq.mcp.application.port.in.admin.CreateAdminKey;
import com.lucenthq.mcp.application.port.in.admin.IssuedAdminKey;
import com.lucenthq.mcp.domain.admin.AdminCredential;
import com.lucenthq.mcp.domain.admin.AdminKeyId;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.port.AdminStore;
import com.lucenthq.mcp.domain.port.Clock;
import com.lucenthq.mcp.domain.port.SecretGenerator;
import com.lucenthq.mcp.domain.port.SecretHasher;
import com.lucenthq.mcp.domain.token.AdminKey;
import java.util.Objects;

public final class CreateAdminKeyService implements CreateAdminKey {

    private final AdminStore store;
    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final Clock clock;

    public CreateAdminKeyService(AdminStore store, SecretGenerator generator, SecretHasher hasher, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IssuedAdminKey create(OrgId org) {
        AdminKey key = generator.generateAdminKey();
        AdminCredential credential = new AdminCredential(AdminKeyId.random(), org, hasher.hash(key), clock.now());
        store.addCredential(credential);
        return new IssuedAdminKey(credential, key);
    }
}
