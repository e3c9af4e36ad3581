package com.lucenthq.mcp.domain.issue;

import com.lucenthq.mcp.domain.signal.SignalId;
import java.util.Objects;

/** What the issues of one summary group share; one kind of key per {@link IssueGrouping}. */
public sealed interface IssueGroupKey {

    IssueGrouping grouping();

    record BySeverity(Severity severity) implements IssueGroupKey {
        public BySeverity {
            Objects.requireNonNull(severity, "severity");
        }

        @Override
        public IssueGrouping grouping() {
            return IssueGrouping.SEVERITY;
        }
    }

    record ByStatus(IssueStatus status) implements IssueGroupKey {
        public ByStatus {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public IssueGrouping grouping() {
            return IssueGrouping.STATUS;
        }
    }

    record ByService(String service) implements IssueGroupKey {
        public ByService {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public IssueGrouping grouping() {
            return IssueGrouping.SERVICE;
        }
    }

    /** A signal's group, named as the signal is. */
    record BySignal(SignalId signal, String name) implements IssueGroupKey {
        public BySignal {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public IssueGrouping grouping() {
            return IssueGrouping.SIGNAL;
        }
    }
}
