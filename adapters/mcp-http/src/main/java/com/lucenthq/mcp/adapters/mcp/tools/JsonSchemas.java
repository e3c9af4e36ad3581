package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.domain.tool.ParameterType;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.ToolParameter;

/** JSON Schema (2020-12) for tool inputs, rendered from the domain's parameters, and the pieces of output schemas. */
public final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSchemas() {
    }

    /** The input schema of a tool: an object of its parameters and nothing else. */
    public static ObjectNode input(Tool tool) {
        ObjectNode properties = NODES.objectNode();
        ArrayNode required = NODES.arrayNode();
        for (ToolParameter parameter : tool.parameters()) {
            properties.set(parameter.name(), property(parameter));
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.set("properties", properties);
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode property(ToolParameter parameter) {
        ObjectNode property = NODES.objectNode();
        switch (parameter.type()) {
            case STRING -> property.put("type", "string");
            case INTEGER -> property.put("type", "integer");
            case BOOLEAN -> property.put("type", "boolean");
            case STRINGS -> property.put("type", "array");
        }
        property.put("description", parameter.description());
        if (parameter.type() == ParameterType.STRINGS) {
            property.set("items", oneOf(parameter.allowedValues()));
            property.put("uniqueItems", true);
        } else if (!parameter.allowedValues().isEmpty()) {
            ArrayNode values = property.putArray("enum");
            parameter.allowedValues().forEach(values::add);
        }
        if (parameter.maxLength() != null) {
            property.put("maxLength", parameter.maxLength());
        }
        if (parameter.format() != null) {
            property.put("format", parameter.format());
        }
        if (parameter.minimum() != null) {
            property.put("minimum", parameter.minimum());
        }
        if (parameter.maximum() != null) {
            property.put("maximum", parameter.maximum());
        }
        switch (parameter.defaultValue()) {
            case null -> { }
            case Integer number -> property.put("default", number);
            case Boolean flag -> property.put("default", flag);
            case String text -> property.put("default", text);
            default -> throw new IllegalArgumentException("no JSON default for " + parameter.name());
        }
        return property;
    }

    static ObjectNode object(String[] required, Object... namesAndSchemas) {
        ObjectNode properties = NODES.objectNode();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            properties.set((String) namesAndSchemas[i], (ObjectNode) namesAndSchemas[i + 1]);
        }
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.set("properties", properties);
        ArrayNode requiredNames = schema.putArray("required");
        for (String name : required) {
            requiredNames.add(name);
        }
        return schema;
    }

    static String[] required(String... names) {
        return names;
    }

    static ObjectNode string() {
        return NODES.objectNode().put("type", "string");
    }

    static ObjectNode string(String format) {
        return string().put("format", format);
    }

    static ObjectNode nullableString(String format) {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("type").add("string").add("null");
        if (format != null) {
            schema.put("format", format);
        }
        return schema;
    }

    static ObjectNode integer() {
        return NODES.objectNode().put("type", "integer").put("minimum", 0);
    }

    static ObjectNode bool() {
        return NODES.objectNode().put("type", "boolean");
    }

    static ObjectNode oneOf(Iterable<String> values) {
        ObjectNode schema = string();
        ArrayNode allowed = schema.putArray("enum");
        values.forEach(allowed::add);
        return schema;
    }

    static ObjectNode arrayOf(ObjectNode items) {
        ObjectNode schema = NODES.objectNode().put("type", "array");
        schema.set("items", items);
        return schema;
    }

    /** {@code base}'s properties and required names plus {@code extra}'s. */
    static ObjectNode extend(ObjectNode base, ObjectNode extra) {
        ObjectNode merged = base.deepCopy();
        ((ObjectNode) merged.get("properties")).setAll((ObjectNode) extra.get("properties"));
        ((ArrayNode) merged.get("required")).addAll((ArrayNode) extra.get("required"));
        return merged;
    }
}
