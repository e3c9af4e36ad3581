package com.lucenthq.mcp.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GrpcErrorsTest {

    /** What a backend might put in a status description and must never reach an agent. */
    private static final String INTERNALS = "pq: connection to db-7.internal:5432 refused";

    private final GrpcErrors errors = new GrpcErrors("issue service", Duration.ofSeconds(2));

    @Test
    void anInvalidArgumentOnAListWithACursorBlamesTheCursor() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> errors.list(true, failing(Status.Code.INVALID_ARGUMENT)));

        assertEquals("cursor", e.field());
        assertEquals("is not a cursor returned by this server for these arguments", e.problem());
    }

    @Test
    void anInvalidArgumentOnAListWithoutACursorIsTheServicesProblem() {
        DataSourceUnavailableException e = assertThrows(DataSourceUnavailableException.class,
                () -> errors.list(false, failing(Status.Code.INVALID_ARGUMENT)));

        assertEquals("The issue service could not answer this request; try again later.", e.getMessage());
    }

    @Test
    void notFoundOnAGetIsAnEmptyAnswer() {
        assertEquals(Optional.empty(), errors.find(failing(Status.Code.NOT_FOUND)));
        assertEquals(Optional.of("found"), errors.find(() -> "found"));
    }

    @Test
    void unavailableSaysToTryAgainInAFewSeconds() {
        assertEquals("The issue service is unavailable right now; try again in a few seconds.",
                unavailable(Status.Code.UNAVAILABLE).getMessage());
    }

    @Test
    void anExceededDeadlineNamesTheDeadline() {
        assertEquals("The issue service did not answer within 2s; try again, or narrow the query.",
                unavailable(Status.Code.DEADLINE_EXCEEDED).getMessage());
    }

    @Test
    void exhaustedResourcesSayToWait() {
        assertEquals("The issue service is overloaded right now; wait a few seconds and try again.",
                unavailable(Status.Code.RESOURCE_EXHAUSTED).getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Status.Code.class, names = {"OK", "NOT_FOUND"}, mode = EnumSource.Mode.EXCLUDE)
    void everyOtherFailureBecomesAnUnavailableSourceThatNamesTheServiceAndHidesInternals(Status.Code code) {
        StatusRuntimeException failure = code.toStatus().withDescription(INTERNALS).asRuntimeException();

        for (Runnable call : new Runnable[] {
                () -> errors.list(false, () -> {
                    throw failure;
                }),
                () -> errors.find(() -> {
                    throw failure;
                })}) {
            DataSourceUnavailableException e = assertThrows(DataSourceUnavailableException.class, call::run);
            assertTrue(e.getMessage().startsWith("The issue service "), e.getMessage());
            assertFalse(e.getMessage().contains("db-7"), e.getMessage());
            assertFalse(e.getMessage().contains(code.name()), e.getMessage());
            assertSame(failure, e.getCause(), "the cause stays for the logs");
        }
    }

    @Test
    void anAnswerTheDomainRejectsIsTheServicesFaultNotTheCallers() {
        DataSourceUnavailableException invalid = assertThrows(DataSourceUnavailableException.class,
                () -> errors.read(() -> {
                    throw new InvalidValueException("id", "must be a UUID");
                }));
        DataSourceUnavailableException badDate = assertThrows(DataSourceUnavailableException.class,
                () -> errors.read(() -> {
                    throw new DateTimeParseException("bad date", "2026-13-45", 5);
                }));

        assertEquals("The issue service sent an answer this server cannot read; try again later, "
                + "and tell the operator if it persists.", invalid.getMessage());
        assertEquals(invalid.getMessage(), badDate.getMessage());
    }

    @Test
    void describesDeadlinesAsPeopleWriteThem() {
        assertEquals("2s", GrpcErrors.describe(Duration.ofSeconds(2)));
        assertEquals("1.5s", GrpcErrors.describe(Duration.ofMillis(1500)));
        assertEquals("250ms", GrpcErrors.describe(Duration.ofMillis(250)));
        assertEquals("30s", GrpcErrors.describe(Duration.ofSeconds(30)));
    }

    @Test
    void aDeadlineMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new GrpcErrors("issue service", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new GrpcErrors("issue service", Duration.ofSeconds(-1)));
    }

    private DataSourceUnavailableException unavailable(Status.Code code) {
        return assertThrows(DataSourceUnavailableException.class, () -> errors.find(failing(code)));
    }

    private static <T> java.util.function.Supplier<T> failing(Status.Code code) {
        return () -> {
            throw code.toStatus().withDescription(INTERNALS).asRuntimeException();
        };
    }
}
