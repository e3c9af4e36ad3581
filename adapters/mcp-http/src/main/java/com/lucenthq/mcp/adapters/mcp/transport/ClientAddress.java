package com.lucenthq.mcp.adapters.mcp.transport;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The key of the per-address rate limits: the peer's IPv4 address, or the /64 prefix of its IPv6 address, since one
 * IPv6 host usually holds a whole /64 and could otherwise spread its requests over 2^64 keys. Proxy headers such as
 * {@code X-Forwarded-For} are not trusted: behind a load balancer this is the balancer's address, so deploy the
 * limits where the peer is the client or rely on the per-token limit.
 *
 * @param bits   the IPv4 address, or the first 64 bits of the IPv6 address
 * @param ipv6   which of the two {@code bits} holds
 */
record ClientAddress(long bits, boolean ipv6) {

    /** Every peer that is not an IP socket (none today) shares one key. */
    private static final ClientAddress OTHER = new ClientAddress(-1, true);

    static ClientAddress of(SocketAddress peer) {
        if (!(peer instanceof InetSocketAddress socket) || socket.getAddress() == null) {
            return OTHER;
        }
        byte[] address = socket.getAddress().getAddress();
        return socket.getAddress() instanceof Inet6Address
                ? new ClientAddress(ByteBuffer.wrap(address).getLong(), true)
                : new ClientAddress(Integer.toUnsignedLong(ByteBuffer.wrap(address).getInt()), false);
    }
}
