package com.lucenthq.mcp.adapters.grpc;

import com.google.protobuf.Timestamp;
import com.lucenthq.mcp.domain.issue.Severity;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.page.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Maps what common.proto and the well-known types carry (severity, time range, timestamps) and page tokens. */
final class CommonMapper {

    private CommonMapper() {
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    static com.lucenthq.mcp.proto.data.v1.TimeRange timeRange(TimeRange range) {
        var proto = com.lucenthq.mcp.proto.data.v1.TimeRange.newBuilder();
        range.start().ifPresent(since -> proto.setStart(timestamp(since)));
        range.end().ifPresent(until -> proto.setEnd(timestamp(until)));
        return proto.build();
    }

    static com.lucenthq.mcp.proto.data.v1.Severity severity(Severity severity) {
        return switch (severity) {
            case LOW -> com.lucenthq.mcp.proto.data.v1.Severity.SEVERITY_LOW;
            case MEDIUM -> com.lucenthq.mcp.proto.data.v1.Severity.SEVERITY_MEDIUM;
            case HIGH -> com.lucenthq.mcp.proto.data.v1.Severity.SEVERITY_HIGH;
            case CRITICAL -> com.lucenthq.mcp.proto.data.v1.Severity.SEVERITY_CRITICAL;
        };
    }

    static Severity severity(com.lucenthq.mcp.proto.data.v1.Severity severity) {
        return switch (severity) {
            case SEVERITY_LOW -> Severity.LOW;
            case SEVERITY_MEDIUM -> Severity.MEDIUM;
            case SEVERITY_HIGH -> Severity.HIGH;
            case SEVERITY_CRITICAL -> Severity.CRITICAL;
            case SEVERITY_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalArgumentException("severity " + severity);
        };
    }

    /** The backend's page token for a page request: the domain cursor is that token, verbatim. */
    static String pageToken(PageRequest page) {
        return page.cursor().map(Cursor::value).orElse("");
    }

    /** A page of mapped items; an empty next page token means the last page. */
    static <T> Page<T> page(List<T> items, String nextPageToken) {
        return new Page<>(items, nextPageToken.isEmpty() ? Optional.empty() : Optional.of(Cursor.of(nextPageToken)));
    }
}
