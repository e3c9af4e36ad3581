package com.lucenthq.mcp.bootstrap.archfixture.adapters.grpc;

/** Helidon outside the HTTP adapters. */
final class UsesHelidon {
    io.helidon.http.Status status;
}
