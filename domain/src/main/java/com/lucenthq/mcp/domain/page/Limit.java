package com.lucenthq.mcp.domain.page;

import com.lucenthq.mcp.domain.InvalidValueException;

/** How many items one page may hold: 1 to 100, 25 by default, small enough for an agent's context. */
public record Limit(int value) {

    public static final int MIN = 1;
    public static final int MAX = 100;
    public static final Limit DEFAULT = new Limit(25);

    public Limit {
        if (value < MIN || value > MAX) {
            throw new InvalidValueException("limit", "must be between " + MIN + " and " + MAX + ", not " + value);
        }
    }

    public static Limit of(int value) {
        return new Limit(value);
    }
}
