package com.lucenthq.mcp.bootstrap.archfixture.application.port.in;

/** A use case in port.in itself, outside any feature package. */
public interface Loose {
    void run();
}
