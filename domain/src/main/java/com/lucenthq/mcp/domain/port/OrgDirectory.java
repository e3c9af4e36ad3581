package com.lucenthq.mcp.domain.port;

import com.lucenthq.mcp.domain.org.Org;
import com.lucenthq.mcp.domain.org.OrgId;
import java.util.Optional;

/**
 * Which organizations exist, as the data services know them: minting a token for an org they do not know
 * would give a token that works and sees nothing.
 */
public interface OrgDirectory {

    /**
     * @return the org, or empty when the data services know no org with that id
     * @throws com.lucenthq.mcp.domain.DataSourceUnavailableException when they cannot be asked
     */
    Optional<Org> find(OrgId org);
}
