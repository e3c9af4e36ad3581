package com.lucenthq.mcp.samplebackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Comparator;
import java.util.List;

/** Checks shared by the service tests. */
final class ServiceAssertions {

    private ServiceAssertions() {
    }

    static <T> void assertOrdered(List<T> items, Comparator<T> order) {
        for (int i = 1; i < items.size(); i++) {
            assertTrue(order.compare(items.get(i - 1), items.get(i)) <= 0, "out of order at " + i);
        }
    }

    /** The call fails with INVALID_ARGUMENT and a description that starts with the offending field. */
    static void assertInvalid(String field, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().startsWith(field), e.getStatus().getDescription());
    }
}
