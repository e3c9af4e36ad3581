package com.lucenthq.mcp.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.tool.Tool;
import com.lucenthq.mcp.domain.tool.ToolCatalogue;
import com.lucenthq.mcp.domain.tool.ToolParameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCatalogueTest {

    @Test
    void offersTheEightReadOnlyTools() {
        assertEquals(List.of("list_issues", "get_issue", "summarize_issues", "list_signals", "get_signal",
                        "list_insights", "get_insight", "summarize_insights"),
                ToolCatalogue.all().stream().map(Tool::name).toList());
        assertTrue(ToolCatalogue.all().stream().allMatch(Tool::readOnly));
    }

    @Test
    void noToolTakesAnOrganization() {
        for (Tool tool : ToolCatalogue.all()) {
            for (ToolParameter parameter : tool.parameters()) {
                assertTrue(!parameter.name().toLowerCase().contains("org"), tool.name() + "." + parameter.name());
            }
        }
    }

    @Test
    void getToolsRequireAnIdAndListToolsRequireNothing() {
        for (Tool tool : ToolCatalogue.all()) {
            List<String> required = tool.parameters().stream().filter(ToolParameter::required).map(ToolParameter::name).toList();
            assertEquals(tool.name().startsWith("get_") ? List.of("id") : List.of(), required, tool.name());
        }
    }

    @Test
    void defaultsAreAmongTheAllowedValues() {
        for (Tool tool : ToolCatalogue.all()) {
            for (ToolParameter parameter : tool.parameters()) {
                if (!parameter.allowedValues().isEmpty() && parameter.defaultValue() != null) {
                    assertTrue(parameter.allowedValues().contains(parameter.defaultValue()), parameter.name());
                }
            }
        }
    }
}
