package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.page.Limit;
import com.lucenthq.mcp.domain.page.PageRequest;
import com.lucenthq.mcp.domain.tool.PageArguments;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.ToolArgument;
import com.lucenthq.mcp.domain.tool.ToolParameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** The argument's domain value, empty when absent; a domain complaint becomes a {@link ToolArgumentException}. */
    <T> Optional<T> get(ToolArgument<T> argument) {
        return present(argument.name()).map(value -> {
            try {
                return argument.parse(switch (argument.parameter().type()) {
                    case STRING -> value.textValue();
                    case INTEGER -> value.intValue();
                    case BOOLEAN -> value.booleanValue();
                    case STRINGS -> {
                        List<String> items = new ArrayList<>();
                        value.forEach(item -> items.add(item.textValue()));
                        yield items;
                    }
                });
            } catch (InvalidValueException e) {
                throw invalid(argument.name(), e.problem());
            }
        });
    }

    /** The {@code limit} and {@code cursor} that every list tool takes ({@link PageArguments}). */
    PageRequest page() {
        return PageRequest.of(get(PageArguments.LIMIT).orElse(Limit.DEFAULT), get(PageArguments.CURSOR).orElse(null));
    }

    /** A required argument's domain value: {@link #check} made sure it is there. */
    <T> T require(ToolArgument<T> argument) {
        return get(argument).orElseThrow();
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
