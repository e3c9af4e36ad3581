package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.token.Principal;
import java.util.List;

/**
 * The tools of this server, each bound to its read-only use case. A call either returns the structured content or
 * throws this package's own errors, which the protocol maps to the wire: {@link ToolArgumentException} for arguments
 * the tool cannot use, {@link ToolFailure} for a call understood but not answerable.
 */
public final class McpTools {

    private final List<ToolBinding> bindings;

    /** @param maxResultBytes the size budget of one list result (see {@link ResultBudget}) */
    public McpTools(McpUseCases useCases, int maxResultBytes) {
        ResultBudget budget = new ResultBudget(maxResultBytes);
        this.bindings = List.of(
                new ListIssuesTool(useCases.listIssues(), budget),
                new GetIssueTool(useCases.getIssue()),
                new SummarizeIssuesTool(useCases.summarizeIssues()),
                new ListSignalsTool(useCases.listSignals(), budget),
                new GetSignalTool(useCases.getSignal()),
                new ListInsightsTool(useCases.listInsights(), budget),
                new GetInsightTool(useCases.getInsight()),
                new SummarizeInsightsTool(useCases.summarizeInsights()));
    }

    /** Every tool, in the order {@code tools/list} shows them. */
    public List<ToolBinding> bindings() {
        return bindings;
    }

    /**
     * Runs {@code binding} for the principal's org with the call's {@code arguments} (absent or JSON null: none).
     *
     * @throws ToolArgumentException when an argument is unknown, of the wrong type or out of bounds
     * @throws ToolFailure           when the call was understood but cannot be answered, e.g. no such id
     */
    public SerializedJson call(ToolBinding binding, Principal principal, JsonNode arguments) {
        try {
            return binding.call(principal, ToolArguments.check(binding.tool(), arguments));
        } catch (InvalidValueException e) {
            throw ToolArguments.invalid(e.field(), e.problem());
        }
    }
}
