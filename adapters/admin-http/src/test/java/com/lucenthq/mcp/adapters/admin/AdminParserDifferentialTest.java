package com.lucenthq.mcp.adapters.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admin API bodies follow the MCP endpoint's rule: no duplicate member names, nothing after the JSON value. */
class AdminParserDifferentialTest {

    private AdminServer server;

    @BeforeEach
    void start() {
        server = new AdminServer("http://localhost:8080");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDuplicateAdminKeyOrATrailingValueIsRefusedAsInvalidJson() throws Exception {
        String key = server.adminKey("acme");
        for (String body : new String[] {
            "{\"admin_key\":\"luc_adm_" + "x".repeat(32) + "\",\"admin_key\":\"" + key + "\"}",
            "{\"admin_key\":\"" + key + "\"}{\"admin_key\":\"luc_adm_x\"}",
            "{\"admin_key\":\"" + key + "\"} 1"}) {
            AdminServer.Reply reply = server.post("/admin/api/session", body, null);
            assertEquals(400, reply.status(), body + " -> " + reply);
            assertEquals("invalid_json", reply.error(), reply.toString());
        }
    }

    @Test
    void aDuplicateTokenNameIsRefusedAsInvalidJson() throws Exception {
        String cookie = server.signIn(server.adminKey("acme"));
        AdminServer.Reply reply = server.post("/admin/api/tokens", "{\"name\":\"laptop\",\"name\":\"ci\"}", cookie);
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("invalid_json", reply.error(), reply.toString());
    }
}
