package com.lucenthq.mcp.domain.issue;

/** Orders of an issue listing. Each one breaks ties by the most recently seen, then by id. */
public enum IssueSort {
    /** Most severe first. */
    SEVERITY,
    /** Most recently seen first. */
    LAST_SEEN,
    /** Most recently first seen first. */
    FIRST_SEEN,
    /** Most occurrences first. */
    OCCURRENCES
}
