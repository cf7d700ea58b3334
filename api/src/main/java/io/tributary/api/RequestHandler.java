package io.tributary.api;

/** Answers a request sent with {@link MessageBus#request}; the return value is the reply. */
@FunctionalInterface
public interface RequestHandler<Q, R> {
    R handle(Envelope<Q> request) throws Exception;
}
