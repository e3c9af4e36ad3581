package com.lucenthq.mcp.samplebackend;

import com.google.protobuf.MessageLite;
import java.util.List;

/** Cuts one page out of a fully filtered and ordered list. */
final class Paging {

    private Paging() {
    }

    /**
     * The page of {@code ordered} that {@code pageToken} points at (the first when empty), with the
     * token of the next page, empty on the last one.
     */
    static <T> Slice<T> page(List<T> ordered, int pageSize, String pageToken, MessageLite criteria) {
        long fingerprint = PageToken.fingerprint(criteria);
        int from = pageToken.isEmpty() ? 0 : PageToken.decode(pageToken, fingerprint);
        if (from > ordered.size()) {
            // Only a forged token gets here: the dataset does not change while the backend runs.
            throw Requests.invalid("page_token points past the end of the list");
        }
        int to = Math.min(ordered.size(), from + pageSize);
        String next = to < ordered.size() ? PageToken.encode(fingerprint, to) : "";
        return new Slice<>(ordered.subList(from, to), next);
    }

    record Slice<T>(List<T> items, String nextPageToken) {
    }
}
