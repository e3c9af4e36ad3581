package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.core.JsonGenerator;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps what the model reads of a list tool's answer within a byte budget, so that one answer cannot flood an agent's
 * context: its structured content and its text block (the same JSON inside an {@link UntrustedFence}) together.
 *
 * <p>When the page a use case returned is too big, only the longest prefix of its items that fits is returned, with
 * {@code truncated: true}. The backend's cursor of the full page points after <em>all</em> its items, so it cannot
 * continue after the prefix; instead the use case is asked <strong>a second time</strong>, with the same cursor and
 * {@code limit} set to the number of items that fit, and that page (whose {@code next_cursor} continues exactly after
 * its last item) is returned. Should the second page still not fit (its cursor is longer, or the data changed in
 * between), the limit shrinks and the use case is asked again, a few times at most. A single item bigger than the
 * budget is returned alone, over budget, rather than an empty page with a cursor, which an agent would follow forever.
 */
final class ResultBudget {

    /** How often a too-big page is asked for again with a smaller limit before asking for one item. */
    private static final int MAX_RETRIES = 3;

    private final int maxBytes;

    ResultBudget(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the result budget must be positive, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * The page for {@code request}, rendered as {@code {<field>: [...], next_cursor, truncated, ...extras}} within
     * the budget.
     *
     * @param fetch  runs the use case for a page request (may be called more than once, always with the cursor of
     *               {@code request})
     * @param render renders one item
     * @param extras adds the tool's further fields, e.g. the resolved window; must not depend on the page
     */
    <T> SerializedJson fit(String field, PageRequest request, Function<PageRequest, Page<T>> fetch,
                           Rendering<T> render, Extras extras) {
        Page<T> page = fetch.apply(request);
        SerializedJson full = render(field, page, false, render, extras);
        if (read(full) <= maxBytes) {
            return full;
        }
        if (page.items().size() <= 1) {
            // One item too big to cut: returned as it is, flagged as over budget.
            return render(field, page, true, render, extras);
        }
        int fitting = fitting(field, page, render, extras);
        for (int attempt = 0; ; attempt++) {
            // The extra call: same cursor, a smaller limit, so that the backend issues the exact next cursor.
            Page<T> smaller = fetch.apply(new PageRequest(Limit.of(fitting), request.cursor()));
            SerializedJson result = render(field, smaller, true, render, extras);
            boolean fits = read(result) <= maxBytes;
            if (fits || smaller.items().size() <= 1) {
                // Not cut after all if the data shrank in between and this is now the last page.
                return smaller.next().isEmpty() && fits ? render(field, smaller, false, render, extras) : result;
            }
            // Still too big: fewer items; the last retry asks for one, which ends the loop.
            fitting = attempt + 1 >= MAX_RETRIES
                    ? 1 : Math.max(1, Math.min(fitting - 1, fitting(field, smaller, render, extras)));
        }
    }

    /** The fields a list tool writes after {@code truncated}, e.g. the resolved window; must not depend on the page. */
    @FunctionalInterface
    interface Extras {
        void write(JsonGenerator out) throws IOException;
    }

    /** What the model reads of an answer: its structured content and its text block, in bytes. */
    static long read(SerializedJson answer) {
        return answer.utf8Length() + answer.textLength();
    }

    /** The most items of {@code page}, at least one, that fit with its cursor and truncated true. */
    private <T> int fitting(String field, Page<T> page, Rendering<T> render, Extras extras) {
        // {"<field>":[],...} twice: the items then add their own size and a comma each after the first, twice too.
        long used = read(render(field, new Page<T>(List.of(), page.next()), true, render, extras));
        int count = 0;
        for (T item : page.items()) {
            used += 2 * (SerializedJson.writing(render, item).utf8Length() + (count == 0 ? 0 : 1));
            if (used > maxBytes) {
                break;
            }
            count++;
        }
        return Math.max(1, Math.min(count, Limit.MAX));
    }

    /** {@code {"<field>": [items], "next_cursor": …, "truncated": …, …extras}}, fenced. */
    private static <T> SerializedJson render(String field, Page<T> page, boolean truncated, Rendering<T> render,
                                             Extras extras) {
        return SerializedJson.fenced((out, items) -> {
            out.writeStartObject();
            out.writeArrayFieldStart(field);
            for (T item : items.items()) {
                render.write(out, item);
            }
            out.writeEndArray();
            out.writeStringField("next_cursor", items.next().map(Cursor::value).orElse(null));
            out.writeBooleanField("truncated", truncated);
            extras.write(out);
            out.writeEndObject();
        }, page);
    }
}
