package com.lucenthq.mcp.adapters.admin;

import io.helidon.http.Status;

/**
 * An answer other than success, decided while handling an admin API request: its HTTP status, a stable
 * machine-readable {@code error} code and a sentence for people. Thrown by the request's checks and turned
 * into a JSON body in one place. The message must never contain a secret.
 */
final class AdminApiException extends RuntimeException {

    private final Status status;
    private final String code;

    AdminApiException(Status status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    Status status() {
        return status;
    }

    String code() {
        return code;
    }

    static AdminApiException notSignedIn() {
        return new AdminApiException(Status.UNAUTHORIZED_401, "not_signed_in",
                "You are not signed in, or your session has ended. Sign in with your organization's admin key.");
    }

    static AdminApiException notFound() {
        return new AdminApiException(Status.NOT_FOUND_404, "not_found", "There is no such token in your organization.");
    }
}
