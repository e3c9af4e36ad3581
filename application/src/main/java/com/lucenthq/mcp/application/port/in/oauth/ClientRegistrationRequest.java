package com.lucenthq.mcp.application.port.in.oauth;

import java.util.List;
import java.util.Objects;

/**
 * The client metadata of an RFC 7591 registration request that we read; absent strings are null, absent lists
 * empty.
 */
public record ClientRegistrationRequest(List<String> redirectUris, String clientName, String tokenEndpointAuthMethod,
                                        List<String> grantTypes, List<String> responseTypes) {

    public ClientRegistrationRequest {
        redirectUris = List.copyOf(Objects.requireNonNull(redirectUris, "redirectUris"));
        grantTypes = List.copyOf(Objects.requireNonNull(grantTypes, "grantTypes"));
        responseTypes = List.copyOf(Objects.requireNonNull(responseTypes, "responseTypes"));
    }
}
