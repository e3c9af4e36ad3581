package com.lucenthq.mcp.adapters.admin;

import java.net.SocketAddress;

/**
 * The failed-authentication limit on admin sign-in, per client address. Asked only after a presented admin key was
 * refused, so a valid key is never refused because others failed from the same address.
 */
@FunctionalInterface
public interface SignInThrottle {

    /** No limit, e.g. in tests about something else. */
    SignInThrottle NONE = peer -> 0;

    /** Counts a refused sign-in from {@code peer}: 0 to answer 401, else the nanoseconds to wait (answered 429). */
    long refused(SocketAddress peer);
}
