package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lucenthq.mcp.application.port.in.query.GetIssue;
import com.lucenthq.mcp.domain.issue.IssueId;
import com.lucenthq.mcp.domain.token.Principal;
import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.IssueArguments;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;

final class GetIssueTool implements ToolBinding {

    private final GetIssue getIssue;

    GetIssueTool(GetIssue getIssue) {
        this.getIssue = getIssue;
    }

    @Override
    public Tool tool() {
        return ToolCatalogue.GET_ISSUE;
    }

    @Override
    public ObjectNode outputSchema() {
        return DomainJson.ISSUE_DETAIL_SCHEMA;
    }

    @Override
    public SerializedJson call(Principal principal, ToolArguments arguments) {
        IssueId id = arguments.require(IssueArguments.ID);
        return getIssue.get(principal, id)
                .map(found -> SerializedJson.fenced(DomainJson::issueDetail, found))
                .orElseThrow(() -> ToolFailure.notFound("issue", id, "list_issues"));
    }
}
