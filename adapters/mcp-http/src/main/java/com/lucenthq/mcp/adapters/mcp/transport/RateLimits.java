package com.lucenthq.mcp.adapters.mcp.transport;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request rate limits on {@value McpHttpConfig#MCP_PATH}; an empty limit is disabled. Limits are kept in memory by each
 * replica, so N replicas behind a load balancer admit up to N times these rates in total.
 *
 * @param perToken             requests of one authenticated token
 * @param perAddress           all requests from one client address, authenticated or not
 * @param failedAuthPerAddress requests that presented a credential and got 401, per client address; once spent, the
 *                             address gets 429 before its token is even looked up, which throttles token guessing
 * @param maxTrackedKeys       the most tokens or addresses each limit remembers; bounds memory against a flood of
 *                             distinct addresses (beyond it, new keys pass unlimited until idle ones expire)
 */
public record RateLimits(Optional<Rate> perToken, Optional<Rate> perAddress, Optional<Rate> failedAuthPerAddress,
                         int maxTrackedKeys) {

    /** 20/s burst 40 per token, 50/s burst 100 per address, 10/min burst 20 failed authentications per address. */
    public static final RateLimits DEFAULTS = new RateLimits(Optional.of(Rate.perSecond(20, 40)),
            Optional.of(Rate.perSecond(50, 100)), Optional.of(Rate.perMinute(10, 20)), 50_000);

    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)/(s|min|h)(?:,burst=(\\d+))?");

    public RateLimits {
        Objects.requireNonNull(perToken, "perToken");
        Objects.requireNonNull(perAddress, "perAddress");
        Objects.requireNonNull(failedAuthPerAddress, "failedAuthPerAddress");
        if (maxTrackedKeys < 1) {
            throw new IllegalArgumentException("maxTrackedKeys must be at least 1, was " + maxTrackedKeys);
        }
    }

    /**
     * Reads a limit as written in configuration: {@code off}, or {@code RATE/UNIT[,burst=N]} with the unit {@code s},
     * {@code min} or {@code h}, e.g. {@code 20/s,burst=40} or {@code 10/min,burst=20}. Without a burst, the burst is
     * the rate per unit (rounded up): {@code 10/min} allows 10 at once.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static Optional<Rate> parseRate(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("off")) {
            return Optional.empty();
        }
        Matcher matcher = RATE.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("rate limit '" + text + "' must be 'off' or RATE/UNIT[,burst=N] with UNIT "
                    + "s, min or h, e.g. 20/s,burst=40");
        }
        double permits = Double.parseDouble(matcher.group(1));
        double seconds = switch (matcher.group(2)) {
            case "s" -> 1;
            case "min" -> 60;
            default -> 3600;
        };
        int burst = matcher.group(3) != null ? Integer.parseInt(matcher.group(3)) : (int) Math.ceil(permits);
        return Optional.of(new Rate(permits / seconds, burst));
    }

    /**
     * A token bucket: it holds up to {@code burst} permits and refills at {@code permitsPerSecond}.
     */
    public record Rate(double permitsPerSecond, int burst) {

        /** One permit a day: a slower refill would overflow the limiter's nanosecond arithmetic. */
        static final double MIN_PERMITS_PER_SECOND = 1.0 / 86_400;
        static final double MAX_PERMITS_PER_SECOND = 1_000_000_000;
        static final int MAX_BURST = 100_000;

        public Rate {
            if (!(permitsPerSecond >= MIN_PERMITS_PER_SECOND && permitsPerSecond <= MAX_PERMITS_PER_SECOND)) {
                throw new IllegalArgumentException("permitsPerSecond must be between one a day and 10^9 a second, was "
                        + permitsPerSecond);
            }
            if (burst < 1 || burst > MAX_BURST) {
                throw new IllegalArgumentException("burst must be between 1 and " + MAX_BURST + ", was " + burst);
            }
        }

        /** The time one permit takes to refill. */
        long nanosPerPermit() {
            return Math.round(1e9 / permitsPerSecond);
        }

        public static Rate perSecond(double permits, int burst) {
            return new Rate(permits, burst);
        }

        public static Rate perMinute(double permits, int burst) {
            return new Rate(permits / 60, burst);
        }
    }
}
