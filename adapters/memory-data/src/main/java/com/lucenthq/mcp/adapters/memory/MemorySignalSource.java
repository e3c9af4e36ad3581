package com.lucenthq.mcp.adapters.memory;

import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.port.SignalSource;
import com.lucenthq.mcp.domain.signal.MatchWindow;
import com.lucenthq.mcp.domain.signal.Signal;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.signal.SignalQuery;
import com.lucenthq.mcp.domain.signal.SignalSort;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link SignalSource} over the bundled dataset, with the same orders as the sample backend. */
public final class MemorySignalSource implements SignalSource {

    private static final Comparator<Signal> RECENTLY_MATCHED_FIRST = Comparator
            .comparing((Signal signal) -> signal.lastMatched().isPresent() ? 0 : 1)
            .thenComparing(signal -> signal.lastMatched().orElse(null), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(signal -> signal.id().toString());

    private final BundledDataset dataset;

    public MemorySignalSource(BundledDataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public Page<Signal> list(OrgId org, SignalQuery query) {
        List<Signal> matching = dataset.org(org).signals().stream()
                .filter(signal -> query.enabled().map(enabled -> signal.enabled() == enabled).orElse(true))
                .sorted(order(query.sort(), query.window()))
                .toList();
        return MemoryPages.page(matching, query.page(), org, query.withPage(PageRequest.first()));
    }

    @Override
    public Optional<Signal> find(OrgId org, SignalId id) {
        return dataset.org(org).signals().stream().filter(signal -> signal.id().equals(id)).findFirst();
    }

    private static Comparator<Signal> order(SignalSort sort, MatchWindow window) {
        return switch (sort) {
            case MATCHES -> Comparator.comparingLong((Signal signal) -> signal.matchCounts().in(window)).reversed()
                    .thenComparing(RECENTLY_MATCHED_FIRST);
            case NAME -> Comparator.comparing(Signal::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Signal::name)
                    .thenComparing(signal -> signal.id().toString());
            case CREATED -> Comparator.comparing(Signal::createdAt).reversed()
                    .thenComparing(signal -> signal.id().toString());
        };
    }
}
