package com.lucenthq.mcp.adapters.jdbc;

import com.lucenthq.mcp.application.contract.GrantStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class JdbcGrantStoreH2Test extends GrantStoreContract {

    @TempDir
    Path dataDir;

    private TokenDatabase database;

    @Override
    protected Stores emptyStores() {
        database = TokenDatabase.h2File(dataDir);
        return new Stores(database.grantStore(), database.clientStore(), database.tokenStore());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
