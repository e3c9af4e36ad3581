package com.lucenthq.mcp.adapters.memory;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Pages of an in-memory listing. A cursor is the offset of the next item with a fingerprint of the org and the
 * criteria it was issued for, so that a cursor of another listing, another org or no listing at all is refused with
 * {@link Cursor#foreign()} instead of answering a page of something else.
 */
final class MemoryPages {

    private static final String PREFIX = "m1.";

    private MemoryPages() {
    }

    /** The page of {@code matching} that {@code request} asks for; {@code criteria} is the query without its page. */
    static <T> Page<T> page(List<T> matching, PageRequest request, OrgId org, Object criteria) {
        String fingerprint = Integer.toHexString((org.value() + "|" + criteria).hashCode());
        int from = request.cursor().map(cursor -> offset(cursor, fingerprint, matching.size())).orElse(0);
        int to = Math.min(matching.size(), from + request.limit().value());
        Optional<Cursor> next = to < matching.size()
                ? Optional.of(Cursor.of(Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (PREFIX + to + "." + fingerprint).getBytes(StandardCharsets.US_ASCII))))
                : Optional.empty();
        return new Page<>(List.copyOf(matching.subList(from, to)), next);
    }

    private static int offset(Cursor cursor, String fingerprint, int size) {
        String[] parts = decode(cursor).filter(text -> text.startsWith(PREFIX))
                .map(text -> text.substring(PREFIX.length()).split("\\.", -1))
                .filter(fields -> fields.length == 2 && fields[1].equals(fingerprint) && fields[0].matches("[0-9]{1,9}"))
                .orElseThrow(Cursor::foreign);
        int offset = Integer.parseInt(parts[0]);
        if (offset < 1 || offset >= size) {
            throw Cursor.foreign();
        }
        return offset;
    }

    private static Optional<String> decode(Cursor cursor) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor.value()), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
