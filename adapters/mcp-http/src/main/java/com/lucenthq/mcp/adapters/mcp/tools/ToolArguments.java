package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.ToolParameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The arguments of one tool call, checked against the tool's parameters: no unknown names (so an
 * {@code org_id} can never be smuggled in), the declared JSON types, the allowed values and bounds.
 * Every failure is a {@link ToolArgumentException} naming the argument. A JSON null counts as absent.
 */
final class ToolArguments {

    private final Tool tool;
    private final ObjectNode values;

    private ToolArguments(Tool tool, ObjectNode values) {
        this.tool = tool;
        this.values = values;
    }

    static ToolArguments check(Tool tool, JsonNode arguments) {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            arguments = JsonNodeFactory.instance.objectNode();
        }
        if (!arguments.isObject()) {
            throw new ToolArgumentException("Invalid arguments for " + tool.name() + ": must be a JSON object");
        }
        ObjectNode object = (ObjectNode) arguments;
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (tool.parameter(name).isEmpty()) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String accepted = tool.parameters().stream().map(ToolParameter::name).collect(Collectors.joining(", "));
            throw new ToolArgumentException("Unknown argument" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                    + " for " + tool.name() + "; it accepts: " + (accepted.isEmpty() ? "none" : accepted));
        }
        for (ToolParameter parameter : tool.parameters()) {
            JsonNode value = object.get(parameter.name());
            if (value == null || value.isNull()) {
                if (parameter.required()) {
                    throw invalid(parameter.name(), "is required");
                }
                continue;
            }
            checkValue(parameter, value);
        }
        return new ToolArguments(tool, object);
    }

    private static void checkValue(ToolParameter parameter, JsonNode value) {
        switch (parameter.type()) {
            case STRING -> {
                if (!value.isTextual()) {
                    throw invalid(parameter.name(), "must be a string");
                }
                if (!parameter.allowedValues().isEmpty() && !parameter.allowedValues().contains(value.textValue())) {
                    throw invalid(parameter.name(), "must be one of " + String.join(", ", parameter.allowedValues())
                            + ", not '" + value.textValue() + "'");
                }
                if (parameter.maxLength() != null
                        && value.textValue().codePointCount(0, value.textValue().length()) > parameter.maxLength()) {
                    throw invalid(parameter.name(), "must be at most " + parameter.maxLength() + " characters");
                }
            }
            case INTEGER -> {
                // JSON Schema's integer is a number with no fraction, so 5.0 is the integer 5.
                if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
                    throw invalid(parameter.name(), "must be an integer");
                }
                int number = value.intValue();
                if ((parameter.minimum() != null && number < parameter.minimum())
                        || (parameter.maximum() != null && number > parameter.maximum())) {
                    throw invalid(parameter.name(), "must be between " + parameter.minimum() + " and "
                            + parameter.maximum() + ", not " + number);
                }
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw invalid(parameter.name(), "must be true or false");
                }
            }
            case STRINGS -> {
                Set<String> seen = new HashSet<>();
                boolean valid = value.isArray();
                for (JsonNode item : value) {
                    valid &= item.isTextual() && parameter.allowedValues().contains(item.textValue())
                            && seen.add(item.textValue());
                }
                if (!valid) {
                    throw invalid(parameter.name(), "must be a list of distinct names among "
                            + String.join(", ", parameter.allowedValues()) + ", not " + value);
                }
            }
        }
    }

    Optional<String> text(String name) {
        return present(name).map(JsonNode::textValue);
    }

    Optional<Integer> integer(String name) {
        return present(name).map(JsonNode::intValue);
    }

    /** A list of strings, checked against the allowed values; empty when absent. */
    List<String> strings(String name) {
        return present(name).map(value -> {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.textValue()));
            return List.copyOf(items);
        }).orElse(List.of());
    }

    Optional<Boolean> flag(String name) {
        return present(name).map(JsonNode::booleanValue);
    }

    /** The argument turned into a domain value by {@code parse}, whose domain complaint becomes a -32602 naming it. */
    <T> Optional<T> parsed(String name, Function<String, T> parse) {
        return text(name).map(text -> {
            try {
                return parse.apply(text);
            } catch (InvalidValueException e) {
                throw invalid(name, e.problem());
            }
        });
    }

    /** An ISO-8601 date-time with offset ({@code 2026-11-17T09:30:00Z}), or a date meaning its start in UTC. */
    Optional<Instant> instant(String name) {
        return text(name).map(text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw invalid(name, "must be an ISO-8601 date-time such as 2026-11-17T09:30:00Z, not '" + text + "'");
                }
            }
        });
    }

    private Optional<JsonNode> present(String name) {
        if (tool.parameter(name).isEmpty()) {
            throw new IllegalArgumentException(tool.name() + " declares no argument " + name);
        }
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isNull());
    }

    static ToolArgumentException invalid(String argument, String problem) {
        return new ToolArgumentException("Invalid argument '" + argument + "': " + problem);
    }
}
