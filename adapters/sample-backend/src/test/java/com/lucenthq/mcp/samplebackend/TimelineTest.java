package com.lucenthq.mcp.samplebackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.proto.data.v1.DailyCount;
import com.lucenthq.mcp.proto.data.v1.Issue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant NOW = Instant.parse("2026-05-14T10:30:00Z");

    @Test
    void coversTheLastFourteenUtcDaysOldestFirst() {
        List<DailyCount> timeline = Timeline.of(issue(Duration.ofDays(3), Duration.ofHours(1), 500), NOW);
        assertEquals(14, timeline.size());
        assertEquals("2026-05-01", timeline.getFirst().getDate());
        assertEquals("2026-05-14", timeline.getLast().getDate());
        for (int day = 1; day < timeline.size(); day++) {
            assertEquals(LocalDate.parse(timeline.get(day - 1).getDate()).plusDays(1),
                    LocalDate.parse(timeline.get(day).getDate()));
        }
    }

    @Test
    void anIssueWithinTheWindowHasAllItsOccurrencesOnTheDaysItWasSeen() {
        List<DailyCount> timeline = Timeline.of(issue(Duration.ofDays(3), Duration.ofHours(1), 500), NOW);
        assertEquals(500, sum(timeline));
        // first seen 2026-05-11 10:30, last seen 2026-05-14 09:30
        assertTrue(timeline.subList(0, 10).stream().allMatch(day -> day.getOccurrences() == 0));
        assertTrue(timeline.subList(10, 14).stream().allMatch(day -> day.getOccurrences() > 0));
    }

    @Test
    void anOlderIssueCountsOnlyTheOccurrencesInsideTheWindow() {
        long occurrences = 9_000;
        List<DailyCount> timeline = Timeline.of(issue(Duration.ofDays(60), Duration.ofMinutes(5), occurrences), NOW);
        long sum = sum(timeline);
        assertTrue(sum < occurrences && sum > occurrences / 10, "sum " + sum);
        assertTrue(timeline.stream().allMatch(day -> day.getOccurrences() > 0));
    }

    @Test
    void anIssueLastSeenBeforeTheWindowHasAnEmptyTimeline() {
        List<DailyCount> timeline = Timeline.of(issue(Duration.ofDays(40), Duration.ofDays(20), 300), NOW);
        assertEquals(0, sum(timeline));
    }

    @Test
    void anIssueSeenOnceCountsOnItsDay() {
        List<DailyCount> timeline = Timeline.of(issue(Duration.ofHours(2), Duration.ofHours(2), 1), NOW);
        assertEquals(1, timeline.getLast().getOccurrences());
        assertEquals(1, sum(timeline));
    }

    @Test
    void isTheSameOnEveryCall() {
        Issue issue = issue(Duration.ofDays(10), Duration.ofMinutes(1), 4321);
        assertEquals(Timeline.of(issue, NOW), Timeline.of(issue, NOW));
    }

    private static Issue issue(Duration firstSeenAgo, Duration lastSeenAgo, long occurrences) {
        return Issue.newBuilder()
                .setId("0b6f2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")
                .setFirstSeen(Times.timestamp(NOW.minus(firstSeenAgo)))
                .setLastSeen(Times.timestamp(NOW.minus(lastSeenAgo)))
                .setOccurrences(occurrences)
                .build();
    }

    private static long sum(List<DailyCount> timeline) {
        return timeline.stream().mapToLong(DailyCount::getOccurrences).sum();
    }
}
