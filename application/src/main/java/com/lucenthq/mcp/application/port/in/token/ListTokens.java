package com.lucenthq.mcp.application.port.in.token;

import com.lucenthq.mcp.domain.org.OrgId;
import java.util.List;

/** The org's tokens, newest first, without secrets or hashes. */
public interface ListTokens {

    List<TokenSummary> list(OrgId org);
}
