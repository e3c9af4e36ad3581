package com.lucenthq.mcp.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.issue.IssueQuery;
import com.lucenthq.mcp.domain.issue.IssueSort;
import com.lucenthq.mcp.domain.issue.IssueStatus;
import com.lucenthq.mcp.domain.issue.IssueStatusFilter;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.page.TimeRange;
import com.lucenthq.mcp.domain.signal.MatchWindow;
import com.lucenthq.mcp.domain.signal.SignalQuery;
import com.lucenthq.mcp.domain.signal.SignalSort;
import com.lucenthq.mcp.domain.token.PlaintextToken;
import com.lucenthq.mcp.domain.token.TokenHash;
import com.lucenthq.mcp.domain.token.TokenId;
import com.lucenthq.mcp.domain.token.TokenName;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueObjectsTest {

    private static final String TOKEN = "luc_mcp_abcdefghijklmnopqrstuvwxyz012-_A";

    @Test
    void plaintextTokenIsParsedExactlyAndNeverPrinted() {
        PlaintextToken token = PlaintextToken.parse(TOKEN);
        assertEquals(TOKEN, token.reveal());
        assertFalse(token.toString().contains(TOKEN.substring(PlaintextToken.PREFIX.length())));
        for (String bad : new String[] {TOKEN + " ", " " + TOKEN, TOKEN.substring(8), TOKEN + "A", TOKEN.substring(0, 39),
                "LUC_MCP_" + TOKEN.substring(8), TOKEN.replace('A', '='), TOKEN.replace('A', '+'), "", null}) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> PlaintextToken.parse(bad), String.valueOf(bad));
            if (bad != null && !bad.isEmpty()) {
                assertFalse(e.getMessage().contains(bad.strip()), "the complaint must not echo the token");
            }
        }
    }

    @Test
    void tokenNameIsOneToSixtyFourCharactersAfterTrimmingWithoutControlCharacters() {
        assertEquals("my laptop", TokenName.of("  my laptop ").value());
        assertEquals(64, TokenName.of("é".repeat(64)).value().length());
        assertThrows(InvalidValueException.class, () -> TokenName.of("x".repeat(65)));
        assertThrows(InvalidValueException.class, () -> TokenName.of("   "));
        assertThrows(InvalidValueException.class, () -> TokenName.of("a\nb"));
        assertThrows(InvalidValueException.class, () -> TokenName.of("a\u0000b"));
        assertEquals("name", assertThrows(InvalidValueException.class, () -> TokenName.of(null)).field());
    }

    @Test
    void tokenHashIsLowercaseHexOfSha256Length() {
        String hex = "a".repeat(64);
        assertTrue(new TokenHash(hex).matches(new TokenHash(hex)));
        assertFalse(new TokenHash(hex).matches(new TokenHash("b".repeat(64))));
        assertThrows(InvalidValueException.class, () -> new TokenHash("A".repeat(64)));
        assertThrows(InvalidValueException.class, () -> new TokenHash("a".repeat(63)));
    }

    @Test
    void idsAreCanonicalUuids() {
        assertEquals("87b3a6b6-5af5-438b-a39c-eff148a68ccb", TokenId.parse("87b3a6b6-5af5-438b-a39c-eff148a68ccb").toString());
        assertThrows(InvalidValueException.class, () -> TokenId.parse("1-1-1-1-1"));
        assertThrows(InvalidValueException.class, () -> TokenId.parse("87b3a6b6-5af5-438b-a39c-eff148a68ccb "));
    }

    @Test
    void orgIdsAreShortSlugs() {
        assertEquals("acme", OrgId.of("acme").value());
        for (String bad : new String[] {"", "ACME", "acme corp", "-acme", "a".repeat(64), "acme;drop"}) {
            assertThrows(InvalidValueException.class, () -> OrgId.of(bad), bad);
        }
    }

    @Test
    void pagesHoldOneToAHundredItems() {
        assertEquals(25, Limit.DEFAULT.value());
        assertEquals("limit", assertThrows(InvalidValueException.class, () -> Limit.of(0)).field());
        assertThrows(InvalidValueException.class, () -> Limit.of(101));
        assertThrows(InvalidValueException.class, () -> Cursor.of("has space"));
        assertThrows(InvalidValueException.class, () -> Cursor.of("x".repeat(Cursor.MAX_LENGTH + 1)));
    }

    @Test
    void queriesOwnTheirDefaults() {
        IssueQuery issues = new IssueQuery(null, null, null, null, null, null, null);
        assertEquals(IssueStatusFilter.UNRESOLVED, issues.status());
        assertEquals(Set.of(IssueStatus.UNRESOLVED), issues.status().statuses());
        assertEquals(IssueSort.SEVERITY, issues.sort());
        assertEquals(Limit.DEFAULT, issues.page().limit());
        assertEquals(Optional.empty(), issues.text());
        assertEquals(Optional.empty(), new IssueQuery(null, null, null, Optional.of("  "), null, null, null).text());
        assertThrows(InvalidValueException.class,
                () -> new IssueQuery(null, null, null, Optional.of("x".repeat(201)), null, null, null));

        SignalQuery signals = new SignalQuery(null, null, null, null);
        assertEquals(SignalSort.MATCHES, signals.sort());
        assertEquals(MatchWindow.LAST_7D, signals.window());
    }

    @Test
    void insightQueryResolvesTheLastSevenDays() {
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        assertEquals(new TimeRange(Instant.parse("2026-11-17T00:00:00Z"), now), new InsightQuery(null, null, null, null).resolvedAt(now).created());
    }

    @Test
    void timeRangeMustRunForwards() {
        Instant t = Instant.parse("2026-11-24T00:00:00Z");
        assertThrows(InvalidValueException.class, () -> new TimeRange(t, t));
        assertTrue(new TimeRange(t, t.plusSeconds(1)).contains(t));
        assertFalse(new TimeRange(t, t.plusSeconds(1)).contains(t.plusSeconds(1)));
    }

    @Test
    void wireNamesAreLowercaseAndParsedStrictly() {
        assertEquals("last_seen", WireNames.of(IssueSort.LAST_SEEN));
        // The names are made once per enum type: each constant of each type must still get its own.
        for (Enum<?> constant : List.<Enum<?>>of(IssueSort.SEVERITY, Severity.LOW, Severity.CRITICAL, IssueSort.OCCURRENCES)) {
            assertEquals(constant.name().toLowerCase(Locale.ROOT), WireNames.of(constant));
        }
        for (Severity severity : Severity.values()) {
            assertEquals(severity, WireNames.parse("severity", WireNames.of(severity), Severity.class));
        }
        assertEquals(Severity.HIGH, WireNames.parse("severity", "high", Severity.class));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> WireNames.parse("severity", "HIGH", Severity.class));
        assertEquals("severity", e.field());
        assertTrue(e.problem().contains("low, medium, high, critical"));
        assertEquals(MatchWindow.LAST_24H, MatchWindow.parse("window", "24h"));
    }
}
