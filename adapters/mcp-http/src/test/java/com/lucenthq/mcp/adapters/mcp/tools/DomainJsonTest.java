package com.lucenthq.mcp.adapters.mcp.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lucenthq.mcp.domain.WireNames;
import com.lucenthq.mcp.domain.issue.Issue;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.issue.IssueStatus;
import com.lucenthq.mcp.domain.issue.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The hand-written time format must be {@link Instant#toString()}, character for character; wire names as the domain spells them. */
class DomainJsonTest {

    @Property(tries = 3000)
    void timeIsInstantToString(@ForAll @LongRange(min = -62_300_000_000L, max = 253_500_000_000L) long seconds,
                               @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                               @ForAll @IntRange(min = 0, max = 3) int precision) throws Exception {
        // Whole seconds, millis and micros are as common as full nanos: each takes another branch.
        int truncated = switch (precision) {
            case 0 -> 0;
            case 1 -> nanos / 1_000_000 * 1_000_000;
            case 2 -> nanos / 1_000 * 1_000;
            default -> nanos;
        };
        assertSameAsToString(Instant.ofEpochSecond(seconds, truncated));
    }

    @Test
    void edgesOfTheHandWrittenRange() throws Exception {
        for (Instant instant : List.of(Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"), Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("2000-02-29T12:00:00.000001Z"),
                Instant.parse("2100-03-01T00:00:00Z"), Instant.MIN, Instant.MAX)) {
            assertSameAsToString(instant);
        }
    }

    @Test
    void everyStatusAndSeverityIsWrittenByItsWireName() throws Exception {
        for (IssueStatus status : IssueStatus.values()) {
            for (Severity severity : Severity.values()) {
                Issue issue = new Issue(new IssueId(UUID.randomUUID()), "t", "d", status, severity, "s", Instant.EPOCH,
                        Instant.EPOCH, 1, 1, List.of());
                JsonNode written = new ObjectMapper().readTree(SerializedJson.writing(DomainJson::issue, issue).json());
                assertEquals(WireNames.of(status), written.get("status").textValue());
                assertEquals(WireNames.of(severity), written.get("severity").textValue());
            }
        }
    }

    private static void assertSameAsToString(Instant instant) throws Exception {
        assertEquals(instant.toString(), IsoInstant.format(instant));
        String json = SerializedJson.writing((JsonGenerator out, Instant value) -> {
            out.writeStartObject();
            IsoInstant.writeField(out, "at", value);
            out.writeEndObject();
        }, instant).json();
        assertEquals(instant.toString(), new ObjectMapper().readTree(json).get("at").textValue());
    }
}
