package com.lucenthq.mcp.samplebackend;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Answers a unary call: the handler's response, or the status it failed with. */
final class Unary {

    private Unary() {
    }

    static <T> void answer(StreamObserver<T> responses, Supplier<T> handler) {
        T response;
        try {
            response = handler.get();
        } catch (StatusRuntimeException e) {
            responses.onError(e);
            return;
        }
        responses.onNext(response);
        responses.onCompleted();
    }
}
