package com.lucenthq.mcp.samplebackend;

import com.google.protobuf.Timestamp;
import com.lucenthq.mcp.proto.data.v1.TimeRange;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Checks of request fields shared by the services; each failure is an INVALID_ARGUMENT naming the field. */
final class Requests {

    static final int DEFAULT_PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 100;

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_NANOS = 999_999_999;

    private Requests() {
    }

    static String orgId(String orgId) {
        if (orgId.isEmpty()) {
            throw invalid("org_id is required");
        }
        return orgId;
    }

    static int pageSize(int pageSize) {
        if (pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
            throw invalid("page_size must be between 0 and " + MAX_PAGE_SIZE + " (0 means "
                    + DEFAULT_PAGE_SIZE + "), not " + pageSize);
        }
        return pageSize == 0 ? DEFAULT_PAGE_SIZE : pageSize;
    }

    /** A required UUID in its canonical lowercase form, the form of every id in the dataset. */
    static String id(String field, String value) {
        if (value.isEmpty()) {
            throw invalid(field + " is required");
        }
        if (!UUID.matcher(value).matches()) {
            throw invalid(field + " must be a UUID such as 87b3a6b6-5af5-438b-a39c-eff148a68ccb");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** An optional UUID: proto3 sends an absent string as the empty one. */
    static Optional<String> optionalId(String field, String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(id(field, value));
    }

    /** Whether a timestamp lies in {@code range}: start inclusive, end exclusive, either bound optional. */
    static Predicate<Timestamp> range(String field, boolean present, TimeRange range) {
        if (!present) {
            return timestamp -> true;
        }
        Optional<Timestamp> start = bound(field + ".start", range.hasStart(), range.getStart());
        Optional<Timestamp> end = bound(field + ".end", range.hasEnd(), range.getEnd());
        if (start.isPresent() && end.isPresent() && Times.CHRONOLOGICAL.compare(start.get(), end.get()) >= 0) {
            throw invalid(field + ".start must be before " + field + ".end");
        }
        return timestamp -> start.map(s -> Times.CHRONOLOGICAL.compare(timestamp, s) >= 0).orElse(true)
                && end.map(e -> Times.CHRONOLOGICAL.compare(timestamp, e) < 0).orElse(true);
    }

    /** A window both of whose bounds are required: start inclusive, end exclusive. */
    static Window window(String field, boolean present, TimeRange range) {
        if (!present || !range.hasStart() || !range.hasEnd()) {
            throw invalid(field + " needs both a start and an end");
        }
        Timestamp start = bound(field + ".start", true, range.getStart()).orElseThrow();
        Timestamp end = bound(field + ".end", true, range.getEnd()).orElseThrow();
        if (Times.CHRONOLOGICAL.compare(start, end) >= 0) {
            throw invalid(field + ".start must be before " + field + ".end");
        }
        return new Window(Times.instant(start), Times.instant(end));
    }

    /** A window of time: {@code start} inclusive, {@code end} exclusive. */
    record Window(Instant start, Instant end) {

        /** The window of the same length that ends where this one starts. */
        Window previous() {
            return new Window(start.minus(Duration.between(start, end)), start);
        }

        boolean contains(Timestamp timestamp) {
            Instant instant = Times.instant(timestamp);
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    static StatusRuntimeException invalid(String description) {
        return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
    }

    private static Optional<Timestamp> bound(String field, boolean present, Timestamp value) {
        if (!present) {
            return Optional.empty();
        }
        if (value.getNanos() < 0 || value.getNanos() > MAX_NANOS) {
            throw invalid(field + " has nanos outside 0.." + MAX_NANOS);
        }
        return Optional.of(value);
    }
}
