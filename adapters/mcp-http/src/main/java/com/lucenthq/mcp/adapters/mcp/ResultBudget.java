package com.lucenthq.mcp.adapters.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps a list tool's structured content (and so its text rendering, the same JSON) within a byte budget, so that
 * one answer cannot flood an agent's context.
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

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
                           Function<T, ObjectNode> render, Consumer<ObjectNode> extras) {
        Page<T> page = fetch.apply(request);
        List<ObjectNode> items = page.items().stream().map(render).toList();
        SerializedJson full = SerializedJson.of(render(field, items, page, false, extras));
        long fullSize = full.utf8Length();
        if (fullSize <= maxBytes) {
            return full;
        }
        if (items.size() <= 1) {
            // One item too big to cut: returned as it is, flagged as over budget.
            return SerializedJson.of(render(field, items, page, true, extras));
        }
        int fitting = fitting(field, items, page, extras);
        for (int attempt = 0; ; attempt++) {
            // The extra call: same cursor, a smaller limit, so that the backend issues the exact next cursor.
            Page<T> smaller = fetch.apply(new PageRequest(Limit.of(fitting), request.cursor()));
            List<ObjectNode> smallerItems = smaller.items().stream().map(render).toList();
            SerializedJson result = SerializedJson.of(render(field, smallerItems, smaller, true, extras));
            boolean fits = result.utf8Length() <= maxBytes;
            if (fits || smallerItems.size() <= 1) {
                // Not cut after all if the data shrank in between and this is now the last page.
                return smaller.next().isEmpty() && fits
                        ? SerializedJson.of(render(field, smallerItems, smaller, false, extras)) : result;
            }
            // Still too big: fewer items; the last retry asks for one, which ends the loop.
            fitting = attempt + 1 >= MAX_RETRIES
                    ? 1 : Math.max(1, Math.min(fitting - 1, fitting(field, smallerItems, smaller, extras)));
        }
    }

    /** The most items of {@code items}, at least one, that fit with the cursor of {@code page} and truncated true. */
    private int fitting(String field, List<ObjectNode> items, Page<?> page, Consumer<ObjectNode> extras) {
        // {"<field>":[],...}: the items then add their own size and a comma each after the first.
        long used = size(render(field, List.of(), page, true, extras));
        int count = 0;
        for (ObjectNode item : items) {
            used += size(item) + (count == 0 ? 0 : 1);
            if (used > maxBytes) {
                break;
            }
            count++;
        }
        return Math.max(1, Math.min(count, Limit.MAX));
    }

    private static ObjectNode render(String field, List<ObjectNode> items, Page<?> page, boolean truncated,
                                     Consumer<ObjectNode> extras) {
        ObjectNode json = NODES.objectNode();
        ArrayNode array = json.putArray(field);
        items.forEach(array::add);
        json.put("next_cursor", page.next().map(Cursor::value).orElse(null));
        json.put("truncated", truncated);
        extras.accept(json);
        return json;
    }

    private static long size(ObjectNode json) {
        return SerializedJson.of(json).utf8Length();
    }
}
