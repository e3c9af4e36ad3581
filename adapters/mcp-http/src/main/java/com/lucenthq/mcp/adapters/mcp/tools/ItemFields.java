package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.core.filter.FilteringGeneratorDelegate;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code fields} argument of the list tools: which fields of each item to return, so that an agent spends its
 * context on what it needs. {@code id} is always among them. Without the argument the items are written as they are;
 * with it, through a filter that drops the other fields as the item is written, with no tree in between.
 */
final class ItemFields {

    static final String ID = "id";

    private ItemFields() {
    }

    /** {@code full} restricted to {@code fields} and {@code id}; {@code full} itself when {@code fields} is empty. */
    static <T> Rendering<T> select(Rendering<T> full, List<String> fields) {
        if (fields.isEmpty()) {
            return full;
        }
        Set<String> chosen = new HashSet<>(fields);
        chosen.add(ID);
        TokenFilter filter = new TokenFilter() {
            @Override
            public TokenFilter includeProperty(String name) {
                return chosen.contains(name) ? TokenFilter.INCLUDE_ALL : null;
            }
        };
        return (out, item) -> full.write(new FilteringGeneratorDelegate(out, filter,
                TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true), item);
    }

    /** The schema of a list item: the item's, with only {@code id} required, as any other field may be left out. */
    static ObjectNode listItem(ObjectNode itemSchema) {
        ObjectNode schema = itemSchema.deepCopy();
        ArrayNode required = schema.putArray("required");
        required.add(ID);
        return schema;
    }
}
