package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Instants as ISO-8601 text in UTC, exactly as {@link Instant#toString()} writes them, with less garbage. */
final class IsoInstant {

    private static final long SECONDS_PER_DAY = 86_400;
    /** yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ */
    private static final int MAX_TIME_LENGTH = 30;

    private IsoInstant() {
    }

    /** An instant as {@link Instant#toString()} writes it: ISO-8601 in UTC. */
    static String format(Instant instant) {
        byte[] text = new byte[MAX_TIME_LENGTH];
        int length = formatTime(instant, text);
        return length < 0 ? instant.toString() : new String(text, 0, length, StandardCharsets.US_ASCII);
    }

    /**
     * {@code "field": "<time>"} without the garbage of {@link Instant#toString()}, which builds a formatter context
     * and two strings per call: a page holds dozens of times, and what a request allocates sets how often the
     * collector pauses everyone. The digits are written as the UTF-8 they are, with no escaping to check.
     */
    static void writeField(JsonGenerator out, String field, Instant instant) throws IOException {
        out.writeFieldName(field);
        byte[] text = new byte[MAX_TIME_LENGTH];
        int length = formatTime(instant, text);
        if (length < 0) {
            out.writeString(instant.toString());
        } else {
            out.writeRawUTF8String(text, 0, length);
        }
    }

    /**
     * Writes exactly what {@link Instant#toString()} gives — seconds always, then 3, 6 or 9 fraction digits as
     * needed, then Z — for years 0 to 9999, and returns its length; -1 outside those years.
     */
    private static int formatTime(Instant instant, byte[] text) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian like java.time).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return -1;
        }
        int at = digits(text, 0, (int) year, 4);
        text[at++] = '-';
        at = digits(text, at, month, 2);
        text[at++] = '-';
        at = digits(text, at, day, 2);
        text[at++] = 'T';
        at = digits(text, at, secondOfDay / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            text[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                at = digits(text, at, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                at = digits(text, at, nanos / 1_000, 6);
            } else {
                at = digits(text, at, nanos, 9);
            }
        }
        text[at++] = 'Z';
        return at;
    }

    /** {@code value} in exactly {@code width} decimal digits at {@code at}; returns the position after them. */
    private static int digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
