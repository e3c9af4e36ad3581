package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.query.GetSignal;
import com.lucenthq.mcp.domain.signal.SignalId;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.SignalArguments;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;

final class GetSignalTool implements ToolBinding {

    private final GetSignal getSignal;

    GetSignalTool(GetSignal getSignal) {
        this.getSignal = getSignal;
    }

    @Override
    public Tool tool() {
        return ToolCatalogue.GET_SIGNAL;
    }

    @Override
    public ObjectNode outputSchema() {
        return DomainJson.SIGNAL_DETAIL_SCHEMA;
    }

    @Override
    public SerializedJson call(Principal principal, ToolArguments arguments) {
        SignalId id = arguments.require(SignalArguments.ID);
        return getSignal.get(principal, id)
                .map(found -> SerializedJson.fenced(DomainJson::signalDetail, found))
                .orElseThrow(() -> ToolFailure.notFound("signal", id, "list_signals"));
    }
}
