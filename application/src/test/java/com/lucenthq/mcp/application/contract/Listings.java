package com.lucenthq.mcp.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.page.Cursor;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/** Paging and ordering checks shared by the source contracts. */
final class Listings {

    /** A cursor of the right form that no source issued. */
    static final Cursor FORGED_CURSOR = Cursor.of("bm90LWEtY3Vyc29yLWZyb20tdGhpcy1zZXJ2ZXI");

    /** Far more pages than any fixture needs: a source whose cursors never end fails instead of hanging. */
    private static final int MAX_PAGES = 1_000;

    private Listings() {
    }

    /**
     * Every item of one listing, following cursors page by page with {@code limit}. Fails on a page over
     * the limit, an empty page that still offers a cursor, a repeated item, or cursors that never end.
     */
    static <T> List<T> walk(Function<PageRequest, Page<T>> list, int limit) {
        List<T> items = new ArrayList<>();
        Set<T> seen = new HashSet<>();
        Optional<Cursor> cursor = Optional.empty();
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Page<T> page = list.apply(new PageRequest(Limit.of(limit), cursor));
            assertTrue(page.items().size() <= limit, "a page holds at most the limit, got " + page.items().size());
            for (T item : page.items()) {
                assertTrue(seen.add(item), "an item came twice while walking the cursors: " + item);
                items.add(item);
            }
            if (page.next().isEmpty()) {
                return items;
            }
            assertFalse(page.items().isEmpty(), "a page with a next cursor holds items");
            cursor = page.next();
        }
        return fail("the cursors did not end within " + MAX_PAGES + " pages");
    }

    static <T> void assertOrdered(List<T> items, Comparator<? super T> order, String what) {
        for (int i = 1; i < items.size(); i++) {
            T before = items.get(i - 1);
            T after = items.get(i);
            assertTrue(order.compare(before, after) <= 0,
                    "not " + what + " at position " + i + ": " + before + " came before " + after);
        }
    }

    static void assertCursorRejected(Executable list) {
        InvalidValueException e = assertThrows(InvalidValueException.class, list);
        assertEquals("cursor", e.field());
    }

    /** The cursor of the first page of a listing with {@code limit}, failing when there is no second page. */
    static <T> Cursor secondPage(Function<PageRequest, Page<T>> list, int limit) {
        return list.apply(new PageRequest(Limit.of(limit), Optional.empty())).next()
                .orElseGet(() -> fail("the fixture needs more than " + limit + " items here"));
    }
}
