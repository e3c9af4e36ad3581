package com.lucenthq.mcp.bootstrap;

import static com.lucenthq.mcp.bootstrap.FullServerFixture.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.adapters.mcp.transport.RateLimits;
import com.lucenthq.mcp.bootstrap.FullServerFixture.RawResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the bearer token against the full server in process, with the default rate limits unless a test says
 * otherwise. Requests the JDK client refuses to send (two Authorization headers, raw bytes, huge headers) go over a
 * raw socket. Every test ends by checking that a valid call still succeeds.
 */
class TokenAttacksTest {

    private static final Pattern ANY_TOKEN = Pattern.compile("luc_mcp_[A-Za-z0-9_-]{32}");
    private static final Set<Integer> REFUSED_HEADER = Set.of(400, 401, 413, 431);

    @TempDir
    Path dataDir;

    private FullServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void wrongMalformedOrAlteredTokensAre401InvalidTokenWithoutEchoingThePresentedValue() {
        fixture = start(RateLimits.DEFAULTS);
        String valid = fixture.token;
        String secret = valid.substring("luc_mcp_".length());
        Map<String, String> attempts = Map.of(
                "prefix typo", "luc_mpc_" + secret,
                "prefix upper case", "LUC_MCP_" + secret,
                "prefix shortened", "mcp_" + secret,
                "space inside the value", valid.substring(0, 20) + " " + valid.substring(20),
                "leading space (double space after Bearer)", " " + valid,
                "last character changed", valid.substring(0, valid.length() - 1) + otherChar(valid.charAt(valid.length() - 1)),
                "truncated", valid.substring(0, valid.length() - 1),
                "extended", valid + "A");

        attempts.forEach((what, credential) -> {
            HttpResponse<String> response = fixture.listIssuesWith("Bearer " + credential);
            assertEquals(401, response.statusCode(), what + ": " + response.body());
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            assertTrue(challenge.contains("error=\"invalid_token\""), what + ": " + challenge);
            for (String echoed : List.of(credential.strip(), secret.substring(0, 16), secret.substring(16))) {
                assertFalse(response.body().contains(echoed), what + ": the body echoes the credential: " + response.body());
                assertFalse(challenge.contains(echoed), what + ": the challenge echoes the credential: " + challenge);
            }
        });
        fixture.assertHealthy();
    }

    @Test
    void theSchemeWordIsCaseInsensitive() {
        fixture = start(RateLimits.DEFAULTS);
        for (String scheme : List.of("bearer", "BEARER", "bEaReR")) {
            HttpResponse<String> response = fixture.listIssuesWith(scheme + " " + fixture.token);
            assertEquals(200, response.statusCode(), scheme + ": " + response.body());
            assertTrue(response.body().contains("\"isError\":false"), response.body());
        }
        fixture.assertHealthy();
    }

    @Test
    void twoAuthorizationHeadersAreRefusedAsAmbiguousEvenWhenBothAreValid() {
        fixture = start(RateLimits.DEFAULTS);
        RawResponse response = fixture.raw("/api/mcp", header("Authorization: Bearer " + fixture.token),
                header("Authorization: Bearer " + fixture.token));
        assertEquals(401, response.status(), response.text());
        assertTrue(response.hasHeader("WWW-Authenticate", "error=\"invalid_token\""), response.text());
        assertFalse(response.text().contains(fixture.token), response.text());
        fixture.assertHealthy();
    }

    @Test
    void aTokenInTheQueryStringIsRefusedAndNeverLogged() {
        fixture = start(RateLimits.DEFAULTS);
        List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        // Every level, as an operator debugging in production would enable: no token even in FINEST records.
        Level previous = root.getLevel();
        root.setLevel(Level.ALL);
        try {
            for (String parameter : List.of("access_token", "token")) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.mcpUri() + "?" + parameter + "=" + fixture.token))
                        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(FullServerFixture.LIST_ISSUES)).build();
                HttpResponse<String> response = fixture.send(request);
                assertEquals(401, response.statusCode(), parameter + ": tokens are never taken from the URL");
                assertFalse(response.body().contains(fixture.token), response.body());
            }
            // The same with a wrong token in the header too, and a valid call: neither logs any token.
            RawResponse mixed = fixture.raw("/api/mcp?access_token=" + fixture.token,
                    header("Authorization: Bearer " + fixture.token.substring(0, 39) + otherChar(fixture.token.charAt(39))));
            assertEquals(401, mixed.status(), mixed.text());
            fixture.assertHealthy();
        } finally {
            root.removeHandler(capture);
            root.setLevel(previous);
        }
        synchronized (records) {
            for (LogRecord record : records) {
                String everything = describe(record);
                assertFalse(ANY_TOKEN.matcher(everything).find(), "a log record holds a token: " + everything);
            }
        }
    }

    @Test
    void aVeryLongAuthorizationHeaderIsRefusedWithA4xxAndTheServerKeepsServing() {
        fixture = start(RateLimits.DEFAULTS);
        for (int size : List.of(16 * 1024 + 1, 64 * 1024)) {
            String credential = fixture.token + "A".repeat(size);
            RawResponse response = fixture.raw("/api/mcp", header("Authorization: Bearer " + credential));
            assertTrue(REFUSED_HEADER.contains(response.status()), size + " bytes: got " + statusLine(response));
            assertFalse(response.text().contains(credential), "the answer echoes the header");
        }
        fixture.assertHealthy();
    }

    @Test
    void nonAsciiAndControlCharactersInTheHeaderAre400Or401NeverA5xx() {
        fixture = start(RateLimits.DEFAULTS);
        String valid = fixture.token;
        List<byte[]> headers = List.of(
                ("Authorization: Bearer " + valid.substring(0, 20) + "é" + valid.substring(21)).getBytes(StandardCharsets.UTF_8),
                ("Authorization: Bearer " + valid + "é").getBytes(StandardCharsets.ISO_8859_1),
                ("Authorization: Bearer " + valid.substring(0, 20) + "\u0000" + valid.substring(21)).getBytes(StandardCharsets.ISO_8859_1),
                ("Authorization: Bearer " + valid.substring(0, 20) + "\u0001" + valid.substring(21)).getBytes(StandardCharsets.ISO_8859_1),
                ("Authorization: Bearer " + valid + "\u001b[2J").getBytes(StandardCharsets.ISO_8859_1),
                ("Authorization: Bearer " + valid + "\u007f").getBytes(StandardCharsets.ISO_8859_1),
                ("Authorization: Bearer\t" + valid).getBytes(StandardCharsets.ISO_8859_1),
                ("Authorization: Bearer " + valid.substring(0, 20) + "\r" + valid.substring(21)).getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] line : headers) {
            RawResponse response = fixture.raw("/api/mcp", line);
            String sent = new String(line, StandardCharsets.ISO_8859_1).replaceAll("\\p{Cntrl}", "?");
            assertTrue(response.status() == 400 || response.status() == 401, sent + ": got " + statusLine(response));
        }
        fixture.assertHealthy();
    }

    /**
     * The trade-off: the failed-authentication bucket is per client address, checked before any token is looked up, so
     * once it is spent even a valid token from that address gets 429 until it refills (10/min). Legitimate users
     * behind the same address as a guesser wait; the guesser gets about 10 guesses a minute for the whole address.
     */
    @Test
    void repeatedFailuresFromOneAddressAreThrottledUntilTheBucketRefillsButAValidTokenIsNeverRefused() {
        fixture = start(RateLimits.DEFAULTS);
        String wrong = fixture.token.substring(0, 39) + otherChar(fixture.token.charAt(39));
        List<Integer> statuses = new ArrayList<>();
        Optional<String> retryAfter = Optional.empty();
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> response = fixture.listIssuesWith("Bearer " + wrong);
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                retryAfter = response.headers().firstValue("Retry-After");
            }
        }
        assertEquals(20, statuses.stream().filter(status -> status == 401).count(), "the burst of 20: " + statuses);
        assertEquals(5, statuses.stream().filter(status -> status == 429).count(), statuses.toString());
        assertTrue(retryAfter.isPresent() && Integer.parseInt(retryAfter.get()) >= 1, "429 says when to retry");

        assertEquals(200, fixture.listIssuesWith("Bearer " + fixture.token).statusCode(),
                "a valid token from the throttled address is never refused for others' failures");

        long seconds = Long.parseLong(retryAfter.orElseThrow());
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 5).toNanos();
        int status;
        do {
            sleep(Duration.ofMillis(500));
            status = fixture.listIssuesWith("Bearer " + wrong).statusCode();
        } while (status == 429 && System.nanoTime() < deadline);
        assertEquals(401, status, "once the bucket refills (within Retry-After) a refused token is answered 401 again");
        fixture.assertHealthy();
    }

    /**
     * A measurement, not a timed assertion. Both populations take the same path, SHA-256 of the whole token then one
     * indexed lookup by hash and a constant-time comparison ({@code MessageDigest.isEqual}); no secret is ever compared
     * by prefix. The test asserts only the answers; the medians are printed for whoever reads the build log.
     */
    @Test
    void anUnknownTokenAndANearMissOfAValidTokenTakeTheSamePath() {
        fixture = start(FullServerFixture.NO_LIMITS);
        String nearMiss = fixture.token.substring(0, 39) + otherChar(fixture.token.charAt(39));
        String unknown = "luc_mcp_" + "Q".repeat(32);
        long[] unknownNanos = new long[200];
        long[] nearMissNanos = new long[200];
        for (int i = 0; i < 200; i++) {
            unknownNanos[i] = timedUnauthorized(unknown);
            nearMissNanos[i] = timedUnauthorized(nearMiss);
        }
        System.out.printf("token timing: median 401 for an unknown token %d µs, for a near miss %d µs%n",
                median(unknownNanos) / 1000, median(nearMissNanos) / 1000);
        fixture.assertHealthy();
    }

    private long timedUnauthorized(String credential) {
        long started = System.nanoTime();
        HttpResponse<String> response = fixture.listIssuesWith("Bearer " + credential);
        long nanos = System.nanoTime() - started;
        assertEquals(401, response.statusCode(), response.body());
        return nanos;
    }

    private FullServerFixture start(RateLimits limits) {
        return FullServerFixture.start(dataDir, Optional.empty(), Duration.ofSeconds(5), limits);
    }

    private static char otherChar(char c) {
        return c == 'A' ? 'B' : 'A';
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String statusLine(RawResponse response) {
        return response.status() == -1 ? "no answer (" + response.text().length() + " bytes)"
                : response.text().lines().findFirst().orElse("");
    }

    /** Everything a log handler could write: message, parameters, and every exception with its causes and stack. */
    private static String describe(LogRecord record) {
        StringBuilder text = new StringBuilder(record.getLoggerName()).append(' ').append(record.getMessage());
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(' ').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(' ').append(trace);
        }
        return text.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
