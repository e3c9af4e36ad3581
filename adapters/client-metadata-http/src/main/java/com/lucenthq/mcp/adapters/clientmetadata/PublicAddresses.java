package com.lucenthq.mcp.adapters.clientmetadata;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a client-chosen URL may make us connect to: only public unicast ones. Loopback, private
 * (RFC 1918, IPv6 unique-local), link-local (cloud metadata services live at 169.254.169.254), carrier-grade NAT,
 * unspecified, multicast and reserved ranges are refused, so that a metadata URL cannot reach inside our network.
 */
final class PublicAddresses {

    private PublicAddresses() {
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return !(first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, RFC 6598
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking, RFC 2544
                    || first >= 240); // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            // fc00::/7 unique-local; fec0::/10 old site-local is covered by isSiteLocalAddress.
            return (first & 0xfe) != 0xfc && !isMappedOrCompatibleIpv4(bytes);
        }
        return false;
    }

    /** ::ffff:a.b.c.d and ::a.b.c.d could smuggle a private IPv4 address; none of them is needed for a public host. */
    private static boolean isMappedOrCompatibleIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff);
    }
}
