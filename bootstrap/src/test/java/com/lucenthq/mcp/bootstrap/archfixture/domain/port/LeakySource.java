package com.lucenthq.mcp.bootstrap.archfixture.domain.port;

import java.util.List;

/** A data source that can be asked without an org. */
public interface LeakySource {
    List<String> names(String filter);
}
