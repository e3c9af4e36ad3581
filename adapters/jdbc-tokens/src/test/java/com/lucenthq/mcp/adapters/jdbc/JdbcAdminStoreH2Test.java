package com.lucenthq.mcp.adapters.jdbc;

import com.lucenthq.mcp.application.contract.AdminStoreContract;
import com.lucenthq.mcp.domain.port.AdminStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class JdbcAdminStoreH2Test extends AdminStoreContract {

    @TempDir
    Path dataDir;

    private TokenDatabase database;

    @Override
    protected AdminStore emptyStore() {
        database = TokenDatabase.h2File(dataDir);
        return database.adminStore();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
