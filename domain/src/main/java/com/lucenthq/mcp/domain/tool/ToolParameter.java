package com.lucenthq.mcp.domain.tool;

import java.util.List;
import java.util.Objects;

/**
 * One argument of a tool.
 *
 * @param allowedValues for a STRING, the only values accepted (empty: any); for STRINGS, those of its items
 * @param format        for a STRING, {@code uuid} or {@code date-time}, or null
 * @param minimum       for an INTEGER, the least value, or null
 * @param maximum       for an INTEGER, the greatest value, or null
 * @param maxLength     for a STRING, the most characters it may have, or null
 * @param defaultValue  the value used when the argument is absent, as its JSON value (a {@code String},
 *                      {@code Integer} or {@code Boolean} as {@code type} says), or null
 */
public record ToolParameter(String name, ParameterType type, String description, boolean required,
                            List<String> allowedValues, String format, Integer minimum, Integer maximum,
                            Integer maxLength, Object defaultValue) {

    public ToolParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        allowedValues = List.copyOf(allowedValues);
        if (defaultValue != null && !switch (type) {
            case STRING -> defaultValue instanceof String;
            case INTEGER -> defaultValue instanceof Integer;
            case BOOLEAN -> defaultValue instanceof Boolean;
            case STRINGS -> false;
        }) {
            throw new IllegalArgumentException("the default of " + name + " must be a JSON " + type + ", not " + defaultValue);
        }
    }

    static ToolParameter text(String name, String description) {
        return new ToolParameter(name, ParameterType.STRING, description, false, List.of(), null, null, null, null, null);
    }

    static ToolParameter text(String name, String description, int maxLength) {
        return new ToolParameter(name, ParameterType.STRING, description, false, List.of(), null, null, null, maxLength,
                null);
    }

    /** A list of distinct strings, each one of {@code values}. */
    static ToolParameter strings(String name, String description, List<String> values) {
        return new ToolParameter(name, ParameterType.STRINGS, description, false, values, null, null, null, null, null);
    }

    static ToolParameter uuid(String name, String description) {
        return new ToolParameter(name, ParameterType.STRING, description, false, List.of(), "uuid", null, null, null, null);
    }

    static ToolParameter dateTime(String name, String description) {
        return new ToolParameter(name, ParameterType.STRING, description, false, List.of(), "date-time", null, null, null,
                null);
    }

    static ToolParameter choice(String name, String description, List<String> values, String defaultValue) {
        return new ToolParameter(name, ParameterType.STRING, description, false, values, null, null, null, null,
                defaultValue);
    }

    static ToolParameter integer(String name, String description, int minimum, int maximum, int defaultValue) {
        return new ToolParameter(name, ParameterType.INTEGER, description, false, List.of(), null, minimum, maximum,
                null, defaultValue);
    }

    static ToolParameter flag(String name, String description) {
        return new ToolParameter(name, ParameterType.BOOLEAN, description, false, List.of(), null, null, null, null, null);
    }

    ToolParameter asRequired() {
        return new ToolParameter(name, type, description, true, allowedValues, format, minimum, maximum, maxLength,
                defaultValue);
    }
}
