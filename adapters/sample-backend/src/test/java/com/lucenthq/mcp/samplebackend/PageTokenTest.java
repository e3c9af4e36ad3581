package com.lucenthq.mcp.samplebackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.proto.data.v1.ListIssuesRequest;
import com.lucenthq.mcp.proto.data.v1.Severity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageTokenTest {

    private static final long FINGERPRINT = PageToken.fingerprint(ListIssuesRequest.newBuilder().setOrgId("acme").build());

    @Test
    void carriesTheOffsetInAShortBase64UrlString() {
        String token = PageToken.encode(FINGERPRINT, 75);
        assertTrue(token.matches("[A-Za-z0-9_-]{1,32}"), token);
        assertEquals(75, PageToken.decode(token, FINGERPRINT));
    }

    @Test
    void fingerprintsDifferWithOrgAndFilters() {
        ListIssuesRequest acme = ListIssuesRequest.newBuilder().setOrgId("acme").build();
        assertNotEquals(PageToken.fingerprint(acme), PageToken.fingerprint(acme.toBuilder().setOrgId("globex").build()));
        assertNotEquals(PageToken.fingerprint(acme),
                PageToken.fingerprint(acme.toBuilder().setMinSeverity(Severity.SEVERITY_HIGH).build()));
        assertEquals(PageToken.fingerprint(acme), PageToken.fingerprint(acme.toBuilder().build()));
    }

    @Test
    void isRejectedForOtherCriteria() {
        String token = PageToken.encode(FINGERPRINT, 25);
        assertInvalid(() -> PageToken.decode(token, FINGERPRINT + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a token", "AQ", "AAAAAAAAAAAAAAAAAA", "abc+/=="})
    void rejectsWhatItDidNotIssue(String token) {
        assertInvalid(() -> PageToken.decode(token, FINGERPRINT));
    }

    @Test
    void rejectsAnOffsetOfZeroWhichItNeverIssues() {
        assertInvalid(() -> PageToken.decode(PageToken.encode(FINGERPRINT, 0), FINGERPRINT));
    }

    private static void assertInvalid(Runnable decode) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, decode::run);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().contains("page_token"));
    }
}
