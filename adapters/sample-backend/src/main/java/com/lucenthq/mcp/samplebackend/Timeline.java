package com.lucenthq.mcp.samplebackend;

import com.lucenthq.mcp.proto.data.v1.DailyCount;
import com.lucenthq.mcp.proto.data.v1.Issue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The occurrences of an issue per UTC day over the last {@value #DAYS} days, oldest first. The
 * dataset stores only totals, so the days are derived: the occurrences are spread over the issue's
 * lifetime (first to last seen) with a day-to-day wobble seeded by the issue id, which makes the
 * chart look organic yet identical on every call. Occurrences before the window are left out, so
 * the days sum to at most the issue's total.
 */
final class Timeline {

    static final int DAYS = 14;

    private Timeline() {
    }

    static List<DailyCount> of(Issue issue, Instant asOf) {
        Instant firstSeen = Times.instant(issue.getFirstSeen());
        // An issue seen only once still needs a span to land on its day.
        Instant lastSeen = max(Times.instant(issue.getLastSeen()), firstSeen.plusSeconds(1));
        LocalDate firstDay = LocalDate.ofInstant(asOf, ZoneOffset.UTC).minusDays(DAYS - 1);
        Instant windowStart = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();

        double[] weights = new double[DAYS];
        double windowWeight = 0;
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = firstDay.plusDays(day);
            Instant dayStart = windowStart.plus(Duration.ofDays(day));
            long overlap = overlapSeconds(dayStart, dayStart.plus(Duration.ofDays(1)), firstSeen, lastSeen);
            weights[day] = overlap * wobble(issue.getId(), date);
            windowWeight += weights[day];
        }
        long beforeWindow = overlapSeconds(Instant.MIN, windowStart, firstSeen, lastSeen);
        double totalWeight = windowWeight + beforeWindow;
        long inWindow = totalWeight == 0 ? 0 : Math.round(issue.getOccurrences() * windowWeight / totalWeight);

        long[] counts = new long[DAYS];
        long assigned = 0;
        int lastActiveDay = -1;
        for (int day = 0; day < DAYS; day++) {
            if (weights[day] > 0) {
                counts[day] = (long) Math.floor(inWindow * weights[day] / windowWeight);
                assigned += counts[day];
                lastActiveDay = day;
            }
        }
        if (lastActiveDay >= 0) {
            // Rounding down loses a few occurrences; the day the issue was last seen gets them.
            counts[lastActiveDay] += inWindow - assigned;
        }

        List<DailyCount> timeline = new ArrayList<>(DAYS);
        for (int day = 0; day < DAYS; day++) {
            timeline.add(DailyCount.newBuilder()
                    .setDate(firstDay.plusDays(day).toString())
                    .setOccurrences(counts[day])
                    .build());
        }
        return timeline;
    }

    private static long overlapSeconds(Instant from, Instant to, Instant start, Instant end) {
        Instant overlapStart = max(from, start);
        Instant overlapEnd = to.isBefore(end) ? to : end;
        return overlapStart.isBefore(overlapEnd) ? Duration.between(overlapStart, overlapEnd).toSeconds() : 0;
    }

    private static double wobble(String issueId, LocalDate date) {
        return new SplittableRandom((issueId + date).hashCode()).nextDouble(0.5, 1.5);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
