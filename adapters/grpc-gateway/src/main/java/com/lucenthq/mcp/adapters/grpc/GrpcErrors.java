package com.lucenthq.mcp.adapters.grpc;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.DataSourceUnavailableException;
import com.lucenthq.mcp.domain.DataSourceUnsupportedException;
import com.lucenthq.mcp.domain.page.Cursor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the calls to one data service and translates whatever goes wrong into the domain's terms
 * (STYLE §4), so that no gRPC type leaves a port method. Messages name the service and say what to
 * do; the backend's own status description stays out of them, as it may carry internals.
 */
final class GrpcErrors {

    private final String service;
    private final Duration deadline;

    /**
     * @param service  how an agent should hear the service named, e.g. {@code issue service}
     * @param deadline the deadline of every call, quoted when one runs out
     */
    GrpcErrors(String service, Duration deadline) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline of the " + service + " must be positive, not " + deadline);
        }
        this.service = service;
        this.deadline = deadline;
    }

    /**
     * The answer of a List call. The request was valid by construction, so INVALID_ARGUMENT on a
     * request that carried a page token can only mean the token: the caller's cursor.
     */
    <T> T list(boolean withCursor, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            if (withCursor && e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                throw Cursor.foreign();
            }
            throw unavailable(e);
        }
    }

    /**
     * The answer of a Summarize call. A service that predates the aggregations answers UNIMPLEMENTED:
     * that is no outage, and retrying cannot help, so it gets its own failure and a message that says so.
     */
    <T> T aggregate(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                throw new DataSourceUnsupportedException("The " + service + " of this deployment does not offer "
                        + "summaries (it does not implement the aggregation), so retrying will not help; list the items "
                        + "instead and count them.", e);
            }
            throw unavailable(e);
        }
    }

    /** The answer of a Get call, empty on NOT_FOUND: absent is not exceptional. */
    <T> Optional<T> find(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw unavailable(e);
        }
    }

    /**
     * The domain form of an answer. A value the domain rejects (an unknown enum, a malformed id or
     * date, inconsistent counts) is the service's fault, not the caller's, so it must not surface as
     * an {@link InvalidValueException} that would blame the agent's arguments.
     */
    <T> T read(Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new DataSourceUnavailableException("The " + service
                    + " sent an answer this server cannot read; try again later, and tell the operator if it persists.", e);
        }
    }

    private DataSourceUnavailableException unavailable(StatusRuntimeException e) {
        String message = switch (e.getStatus().getCode()) {
            case UNAVAILABLE -> "The " + service + " is unavailable right now; try again in a few seconds.";
            case DEADLINE_EXCEEDED -> "The " + service + " did not answer within " + describe(deadline)
                    + "; try again, or narrow the query.";
            case RESOURCE_EXHAUSTED -> "The " + service + " is overloaded right now; wait a few seconds and try again.";
            default -> "The " + service + " could not answer this request; try again later.";
        };
        return new DataSourceUnavailableException(message, e);
    }

    /** A duration as people write it: {@code 2s}, {@code 1.5s}, {@code 250ms}. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
    }
}
