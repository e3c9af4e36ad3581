package com.lucenthq.mcp.application.query;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.TimeRange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * A source's cursor together with the time window its listing was resolved to. A listing whose
 * window defaults to "the last seven days" must keep the first page's window on later pages;
 * otherwise every page would ask for a slightly different listing.
 */
record WindowedCursor(TimeRange window, Cursor sourceCursor) {

    private static final int TIMES = 2 * (Long.BYTES + Integer.BYTES);

    Cursor encode() {
        byte[] inner = sourceCursor.value().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.allocate(TIMES + inner.length)
                .putLong(window.since().getEpochSecond()).putInt(window.since().getNano())
                .putLong(window.until().getEpochSecond()).putInt(window.until().getNano())
                .put(inner);
        return Cursor.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()));
    }

    static WindowedCursor decode(Cursor cursor) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor.value()));
            if (bytes.remaining() <= TIMES) {
                throw notOurs();
            }
            Instant since = Instant.ofEpochSecond(bytes.getLong(), bytes.getInt());
            Instant until = Instant.ofEpochSecond(bytes.getLong(), bytes.getInt());
            TimeRange window = new TimeRange(since, until);
            byte[] inner = new byte[bytes.remaining()];
            bytes.get(inner);
            return new WindowedCursor(window, Cursor.of(new String(inner, StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw notOurs();
        }
    }

    private static InvalidValueException notOurs() {
        return Cursor.foreign();
    }
}
