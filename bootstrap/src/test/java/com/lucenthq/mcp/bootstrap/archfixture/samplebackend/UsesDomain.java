package com.lucenthq.mcp.bootstrap.archfixture.samplebackend;

/** The sample backend inside the hexagon. */
final class UsesDomain {
    com.lucenthq.mcp.domain.org.OrgId org;
}
