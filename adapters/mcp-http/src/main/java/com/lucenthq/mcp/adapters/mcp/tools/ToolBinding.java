package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.Tool;

/** One tool of the catalogue bound to its use case: arguments in, structured content out. */
public interface ToolBinding {

    Tool tool();

    /** The schema every result of {@link #call} conforms to. */
    ObjectNode outputSchema();

    /**
     * Runs the tool for the principal's org.
     *
     * @throws ToolArgumentException  when an argument is unusable
     * @throws ToolFailure            when the call was understood but cannot be answered, e.g. no such id
     */
    SerializedJson call(Principal principal, ToolArguments arguments);
}
