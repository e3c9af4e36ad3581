package com.lucenthq.mcp.adapters.clientmetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.oauth.ClientId;
import com.lucenthq.mcp.domain.oauth.ClientMetadataFetch;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on loopback, which only an allowed host:port may reach. */
class HttpClientMetadataDocumentsTest {

    private HttpServer server;
    private String hostPort;
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostPort = "127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/client.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = ("{\"client_id\":\"http://" + hostPort + "/client.json\",\"client_name\":\"Doc client\","
                    + "\"redirect_uris\":[\"http://127.0.0.1/cb\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/redirect.json", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://" + hostPort + "/client.json");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/huge.json", exchange -> {
            byte[] body = ("{\"client_id\":\"" + "x".repeat(HttpClientMetadataDocuments.MAX_DOCUMENT_BYTES) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private ClientMetadataFetch fetch(Set<String> allowed, String path) {
        return new HttpClientMetadataDocuments(allowed).fetch(ClientId.of("http://" + hostPort + path));
    }

    @Test
    void anAllowedHostIsFetchedOnceAndCached() {
        HttpClientMetadataDocuments source = new HttpClientMetadataDocuments(Set.of(hostPort));
        ClientId id = ClientId.of("http://" + hostPort + "/client.json");
        ClientMetadataFetch first = source.fetch(id);
        ClientMetadataFetch second = source.fetch(id);

        ClientMetadataFetch.Fetched fetched = assertInstanceOf(ClientMetadataFetch.Fetched.class, first, first.toString());
        assertEquals(id.value(), fetched.document().clientId());
        assertEquals(Optional.of("Doc client"), fetched.document().clientName());
        assertEquals(List.of("http://127.0.0.1/cb"), fetched.document().redirectUris());
        assertEquals(first, second);
        assertEquals(1, fetches.get(), "cached");
    }

    @Test
    void loopbackIsNotFetchedUnlessItsHostIsAllowed() {
        assertInstanceOf(ClientMetadataFetch.Unavailable.class, fetch(Set.of(), "/client.json"));
        assertInstanceOf(ClientMetadataFetch.Unavailable.class, new HttpClientMetadataDocuments(Set.of())
                .fetch(ClientId.of("https://" + hostPort + "/client.json")));
        assertEquals(0, fetches.get(), "never connected");
    }

    @Test
    void privateAndLinkLocalAddressesAreRefusedBeforeConnecting() {
        for (String url : List.of("https://10.0.0.1/c.json", "https://192.168.1.1/c.json", "https://169.254.169.254/c.json",
                "https://[::1]/c.json", "https://[fd00::1]/c.json", "https://100.64.0.1/c.json", "https://0.0.0.0/c.json")) {
            ClientMetadataFetch result = new HttpClientMetadataDocuments(Set.of()).fetch(ClientId.of(url));
            ClientMetadataFetch.Unavailable refused = assertInstanceOf(ClientMetadataFetch.Unavailable.class, result, url);
            assertTrue(refused.reason().contains("private"), url + ": " + refused.reason());
        }
    }

    @Test
    void redirectsAreNotFollowedAndLargeDocumentsAreRefused() {
        assertInstanceOf(ClientMetadataFetch.Unavailable.class, fetch(Set.of(hostPort), "/redirect.json"));
        assertEquals(0, fetches.get(), "the redirect target was not fetched");
        ClientMetadataFetch.Unavailable huge = assertInstanceOf(ClientMetadataFetch.Unavailable.class, fetch(Set.of(hostPort), "/huge.json"));
        assertTrue(huge.reason().contains("larger"), huge.reason());
    }

    @Test
    void publicAddressesArePublic() throws IOException {
        assertTrue(PublicAddresses.isPublic(InetAddress.getByName("93.184.216.34")));
        assertTrue(PublicAddresses.isPublic(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")));
        assertFalse(PublicAddresses.isPublic(InetAddress.getByName("::ffff:10.0.0.1")));
        assertFalse(PublicAddresses.isPublic(InetAddress.getByName("172.16.0.1")));
    }
}
