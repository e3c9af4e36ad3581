package com.lucenthq.mcp.bootstrap.archfixture.adapters.mcp;

/** gRPC outside the gateway. */
final class UsesGrpc {
    io.grpc.Status status;
}
