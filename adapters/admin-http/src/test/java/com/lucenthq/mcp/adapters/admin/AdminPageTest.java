package com.lucenthq.mcp.adapters.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.admin.AdminServer.Reply;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The static settings page: where it is served, with which headers, and that it keeps to its CSP and DOM contract. */
class AdminPageTest {

    private static AdminServer server;

    @BeforeAll
    static void start() {
        server = new AdminServer("https://admin.example.com");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void adminWithoutSlashRedirectsToThePage() throws Exception {
        Reply reply = server.get("/admin", null);
        assertEquals(301, reply.status());
        assertEquals("/admin/", reply.header("Location").orElseThrow());
    }

    @Test
    void thePageAndItsFilesAreServedWithTheirTypesAndSecurityHeaders() throws Exception {
        for (List<String> file : List.of(
                List.of("/admin/", "text/html; charset=utf-8"),
                List.of("/admin/index.html", "text/html; charset=utf-8"),
                List.of("/admin/app.js", "text/javascript; charset=utf-8"),
                List.of("/admin/app.css", "text/css; charset=utf-8"))) {
            Reply reply = server.get(file.get(0), null);
            assertEquals(200, reply.status(), file.get(0));
            assertEquals(file.get(1), reply.header("Content-Type").orElseThrow(), file.get(0));
            assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                    reply.header("Content-Security-Policy").orElseThrow());
            assertEquals("nosniff", reply.header("X-Content-Type-Options").orElseThrow());
            assertEquals("no-referrer", reply.header("Referrer-Policy").orElseThrow());
            assertEquals("DENY", reply.header("X-Frame-Options").orElseThrow());
            assertEquals("no-store", reply.header("Cache-Control").orElseThrow());
            assertTrue(reply.setCookies().isEmpty());
            assertFalse(reply.body().isBlank());
        }
    }

    @Test
    void thePageCarriesEveryTestIdOfTheDomContract() throws Exception {
        String html = server.get("/admin/", null).body();
        assertTrue(html.contains("<title>Organization settings → MCP</title>"), "title");
        for (String id : List.of("login-form", "admin-key-input", "login-submit", "login-error",
                "org-name", "create-token-button", "logout-button", "token-table", "error-banner",
                "create-dialog", "token-name-input", "create-submit", "create-cancel", "create-error",
                "token-dialog", "token-plaintext", "copy-token", "snippet-claude-code", "snippet-cursor",
                "snippet-claude-desktop", "snippet-windsurf", "token-dialog-close",
                "revoke-dialog", "revoke-confirm", "revoke-cancel")) {
            assertEquals(1, count(html, "data-testid=\"" + id + "\""), id);
        }
        for (String dialog : List.of("create-dialog", "token-dialog", "revoke-dialog")) {
            assertTrue(Pattern.compile("<dialog[^>]*data-testid=\"" + dialog + "\"").matcher(html).find(), dialog);
        }
        // Rows are drawn by the script.
        String js = server.get("/admin/app.js", null).body();
        for (String id : List.of("token-row", "token-name", "token-created", "token-last-used", "token-status",
                "revoke-button")) {
            assertTrue(js.contains("dataset.testid = '" + id + "'"), id);
        }
        assertTrue(js.contains("row.dataset.tokenId = token.id"), "rows carry data-token-id");
    }

    @Test
    void thePageHasNoInlineCodeOrStyleAndNoExternalResources() throws Exception {
        String html = server.get("/admin/", null).body();
        String js = server.get("/admin/app.js", null).body();
        String css = server.get("/admin/app.css", null).body();

        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int scriptCount = 0;
        while (scripts.find()) {
            scriptCount++;
            assertTrue(scripts.group(1).contains("src=\"app.js\""), "only the page's own script file");
            assertTrue(scripts.group(2).isBlank(), "no inline script");
        }
        assertEquals(1, scriptCount);
        assertFalse(html.contains("<style"), "no inline style element");
        assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "no style attribute");
        assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline handler");
        assertFalse(html.contains("javascript:"));
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no external resource");
        assertFalse(Pattern.compile("https?://").matcher(js).find(), "the script calls only its own origin");
        assertFalse(js.contains("innerHTML"), "the script builds the DOM with text, never markup");
        assertFalse(js.contains("eval(") || js.contains("new Function"));
        assertFalse(css.contains("@import") || css.contains("url("), "no external stylesheet, font or image");
    }

    @Test
    void theSnippetsFollowEachClientsDocumentedForm() throws Exception {
        String js = server.get("/admin/app.js", null).body();
        assertTrue(js.contains("'claude mcp add --transport http lucent ' + mcpUrl + ' \\\\\\n  --header \"Authorization: ' + bearer + '\"'"),
                "Claude Code");
        assertTrue(js.contains("{ mcpServers: { lucent: { url: mcpUrl, headers: { Authorization: bearer } } } }"), "Cursor");
        assertTrue(js.contains("const args = ['-y', 'mcp-remote', mcpUrl, '--header', 'Authorization:${AUTH_HEADER}'];"),
                "Claude Desktop through mcp-remote (with --allow-http added for plain http off loopback: e2e first-hour.test.js)");
        assertTrue(js.contains("env: { AUTH_HEADER: bearer }"), "Claude Desktop's header value");
        assertTrue(js.contains("{ mcpServers: { lucent: { serverUrl: mcpUrl, headers: { Authorization: bearer } } } }"),
                "Windsurf");
        assertTrue(js.contains("const bearer = 'Bearer ' + token;"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
