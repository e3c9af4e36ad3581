package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one value as JSON straight into a generator: results are streamed, never built as a tree first. */
@FunctionalInterface
public interface Rendering<T> {

    void write(JsonGenerator out, T value) throws IOException;
}
