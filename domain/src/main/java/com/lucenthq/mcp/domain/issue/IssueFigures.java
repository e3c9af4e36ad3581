package com.lucenthq.mcp.domain.issue;

import java.util.Collection;

/** How many issues there are, with their occurrences and affected users summed. */
public record IssueFigures(long issues, long occurrences, long affectedUsers) {

    public static final IssueFigures NONE = new IssueFigures(0, 0, 0);

    public IssueFigures {
        if (issues < 0 || occurrences < 0 || affectedUsers < 0) {
            throw new IllegalArgumentException("issue figures cannot be negative: " + issues + ", " + occurrences
                    + ", " + affectedUsers);
        }
    }

    public static IssueFigures of(Collection<Issue> issues) {
        return new IssueFigures(issues.size(), issues.stream().mapToLong(Issue::occurrences).sum(),
                issues.stream().mapToLong(Issue::affectedUsers).sum());
    }
}
