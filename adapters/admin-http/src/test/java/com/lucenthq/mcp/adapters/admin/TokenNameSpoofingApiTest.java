package com.lucenthq.mcp.adapters.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API (and so the settings page, which only calls it) refuses token names that could pass for other names,
 * sent raw or as JSON escapes, with TokenName's message; nothing is created.
 */
class TokenNameSpoofingApiTest {

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
    void zeroWidthBidiAndLoneSurrogateNamesAre400InvalidName() throws Exception {
        String cookie = server.signIn(server.adminKey("acme"));
        for (String body : new String[] {"{\"name\":\"lap\u200Btop\"}", "{\"name\":\"laptop \\u202Ecod.exe\"}",
                "{\"name\":\"a\\ud800b\"}", "{\"name\":\"\\udc00\"}"}) {
            AdminServer.Reply reply = server.post("/admin/api/tokens", body, cookie);
            assertEquals(400, reply.status(), body + " -> " + reply);
            assertEquals("invalid_name", reply.error(), reply.toString());
            assertTrue(reply.json().path("message").asText().contains("U+"), reply.toString());
        }
        assertEquals(0, server.get("/admin/api/tokens", cookie).json().path("tokens").size(), "nothing was created");
    }
}
