package com.lucenthq.mcp.samplebackend;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.Comparator;

/** Conversions between protobuf timestamps and instants. */
final class Times {

    static final Comparator<Timestamp> CHRONOLOGICAL =
            Comparator.comparingLong(Timestamp::getSeconds).thenComparingInt(Timestamp::getNanos);

    private Times() {
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
