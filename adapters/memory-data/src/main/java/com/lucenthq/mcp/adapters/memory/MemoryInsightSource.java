package com.lucenthq.mcp.adapters.memory;

import com.lucenthq.mcp.domain.insight.Insight;
import com.lucenthq.mcp.domain.insight.InsightId;
import com.lucenthq.mcp.domain.insight.InsightQuery;
import com.lucenthq.mcp.domain.insight.InsightSummary;
import com.lucenthq.mcp.domain.org.OrgId;
import com.lucenthq.mcp.domain.page.Page;
import com.lucenthq.mcp.domain.page.Window;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.port.InsightSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link InsightSource} over the bundled dataset, newest first like the sample backend. */
public final class MemoryInsightSource implements InsightSource {

    static final Comparator<Insight> NEWEST_FIRST = Comparator.comparing(Insight::createdAt).reversed()
            .thenComparing(insight -> insight.id().toString());

    private final BundledDataset dataset;

    public MemoryInsightSource(BundledDataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public Page<Insight> list(OrgId org, InsightQuery query) {
        List<Insight> matching = dataset.org(org).insights().stream()
                .filter(insight -> query.created().contains(insight.createdAt()))
                .filter(insight -> query.kind().map(kind -> insight.kind() == kind).orElse(true))
                .filter(insight -> query.signalId().map(id -> id.equals(insight.signalId())).orElse(true))
                .sorted(NEWEST_FIRST)
                .toList();
        return MemoryPages.page(matching, query.page(), org, query.withPage(PageRequest.first()));
    }

    @Override
    public Optional<Insight> find(OrgId org, InsightId id) {
        return dataset.org(org).insights().stream().filter(insight -> insight.id().equals(id)).findFirst();
    }

    @Override
    public InsightSummary summarize(OrgId org, Window window) {
        return MemorySummaries.insights(dataset.org(org), window);
    }
}
