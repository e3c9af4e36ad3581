package com.lucenthq.mcp.adapters.jdbc;

import com.lucenthq.mcp.application.contract.TokenStoreContract;
import com.lucenthq.mcp.domain.port.TokenStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class JdbcTokenStoreH2Test extends TokenStoreContract {

    @TempDir
    Path dataDir;

    private TokenDatabase database;

    @Override
    protected TokenStore emptyStore() {
        database = TokenDatabase.h2File(dataDir);
        return database.tokenStore();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
