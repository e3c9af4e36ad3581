package com.lucenthq.mcp.domain.tool;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A capability offered to agents. Every tool only reads: there is no way to declare one that
 * writes, so {@link #readOnly()} is always true.
 */
public record Tool(String name, String title, String description, List<ToolParameter> parameters) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]{0,62}");

    public Tool {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must be snake_case: " + name);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        parameters = List.copyOf(parameters);
        if (parameters.stream().map(ToolParameter::name).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("tool " + name + " declares a parameter twice");
        }
    }

    public boolean readOnly() {
        return true;
    }

    public Optional<ToolParameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }
}
