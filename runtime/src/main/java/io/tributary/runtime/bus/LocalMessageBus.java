package io.tributary.runtime.bus;

import io.tributary.api.DeadLetter;
import io.tributary.api.Envelope;
import io.tributary.api.EpochClock;
import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.RequestHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.Topic;
import io.tributary.api.TopicHandle;
import io.tributary.api.TopicPattern;
import io.tributary.runtime.exec.PriorityExecutor;
import io.tributary.runtime.exec.ShutdownReport;
import io.tributary.runtime.match.TopicMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The in-process {@link MessageBus}: a {@link TopicMatcher} finds the subscribers of a topic, inline
 * subscribers run on the publisher's thread, pooled ones go through the {@link PriorityExecutor}'s
 * lanes.
 *
 * <p>Hot path ({@link TopicHandle#publish}): one volatile version check, one thread-local lookup,
 * then per subscriber either a direct call with a reused envelope or a copy into a preallocated lane
 * cell. The clock is read once, and only if a handler or a lane needs the timestamp. No allocation,
 * no lock, no string work.
 */
public final class LocalMessageBus implements MessageBus {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMessageBus.class);

    private final BusConfig config;
    private final EpochClock clock;
    private final TopicMatcher<Subscriber> matcher;
    private final PriorityExecutor executor;
    private final ConcurrentHashMap<String, BoundTopic> topics = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Object>> pendingRequests = new ConcurrentHashMap<>();
    private final ThreadLocal<PublisherContext> contexts;
    private final AtomicLong subscriptionSeq = new AtomicLong();
    private final AtomicLong correlationSeq = new AtomicLong();
    private final LongAdder deadLetters = new LongAdder();
    private final LongAdder handlerErrors = new LongAdder();
    private volatile boolean closed;

    public LocalMessageBus(BusConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = config.clock();
        this.matcher = new TopicMatcher<>(Subscriber[]::new, config.matcherCacheCapacity());
        this.executor = new PriorityExecutor(config.executor(), clock);
        AtomicLong idSource = new AtomicLong(1);
        long idPrefix = ((long) config.instanceId()) << 48;
        this.contexts = ThreadLocal.withInitial(() -> new PublisherContext(idSource, idPrefix, clock));
    }

    public static LocalMessageBus withDefaults() {
        return new LocalMessageBus(BusConfig.defaults());
    }

    // ---- publish ---------------------------------------------------------------------------

    @Override
    public TopicHandle topic(String topic) {
        return bind(topic);
    }

    @Override
    public boolean publish(String topic, Object key, Object payload, Priority priority, Headers headers) {
        BoundTopic bound = bind(topic);
        return dispatch(bound.publisherContext(), bound.subscribers(), topic, key, payload, priority, headers);
    }

    private BoundTopic bind(String topic) {
        BoundTopic bound = topics.get(topic);
        if (bound != null) {
            return bound;
        }
        Topic.validate(topic);
        bound = new BoundTopic(this, topic, matcher.resolve(topic));
        if (topics.size() < config.topicCacheCapacity()) {
            BoundTopic raced = topics.putIfAbsent(topic, bound);
            return raced != null ? raced : bound;
        }
        return bound; // beyond the bound: correct, only slower (one matcher lookup per publish)
    }

    /** The calling thread's publish state (its reused envelopes and id block). */
    PublisherContext publisherContext() {
        return contexts.get();
    }

    boolean dispatch(PublisherContext context, Subscriber[] subscribers, String topic, Object key, Object payload,
                     Priority priority, Headers headers) {
        if (closed) {
            throw new IllegalStateException("bus is closed; cannot publish to " + topic);
        }
        Objects.requireNonNull(priority, "priority");
        if (subscribers.length == 0) {
            return true;
        }
        InlineEnvelope envelope = context.acquire();
        try {
            envelope.set(context.nextId(), topic, key, payload, priority, headers);
            boolean accepted = true;
            for (Subscriber subscriber : subscribers) {
                if (subscriber.inline) {
                    subscriber.deliver(envelope);
                } else {
                    Priority lane = subscriber.lane != null ? subscriber.lane : priority;
                    accepted &= executor.submit(lane, subscriber, envelope.id(), topic, key, payload, priority,
                            envelope.publishTimeNanos(), headers);
                }
            }
            return accepted;
        } finally {
            context.release(envelope);
        }
    }

    long matcherVersion() {
        return matcher.version();
    }

    TopicMatcher.Match<Subscriber> resolve(String topic) {
        return matcher.resolve(topic);
    }

    // ---- subscribe -------------------------------------------------------------------------

    @Override
    @SuppressWarnings("unchecked")
    public <T> Subscription subscribe(String pattern, MessageHandler<T> handler, SubscribeOptions options) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        ensureOpen();
        TopicPattern compiled = TopicPattern.parse(pattern, options.syntax());
        Subscriber subscriber = newSubscriber(pattern, compiled, (MessageHandler<Object>) handler, options);
        matcher.add(compiled, subscriber);
        return subscriber;
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        if (!(subscription instanceof Subscriber subscriber)) {
            throw new IllegalArgumentException("not a subscription of this bus: " + subscription);
        }
        if (!subscriber.isActive()) {
            return;
        }
        subscriber.deactivate();
        if (subscriber.compiled != null) {
            matcher.remove(subscriber.compiled, subscriber);
        } else {
            Endpoint endpoint = endpoints.get(subscriber.pattern());
            if (endpoint != null) {
                endpoint.remove(subscriber);
            }
        }
    }

    private Subscriber newSubscriber(String pattern, TopicPattern compiled, MessageHandler<Object> handler,
                                     SubscribeOptions options) {
        String name = options.name() != null ? options.name() : "subscription-" + subscriptionSeq.incrementAndGet();
        boolean inline = options.delivery() == SubscribeOptions.Delivery.INLINE;
        if (handler instanceof MeteredDelivery<Object> metered) {
            return new MeteredSubscriber(this, name, pattern, compiled, metered, options.lane(), inline);
        }
        return new Subscriber(this, name, pattern, compiled, handler, options.lane(), inline);
    }

    // ---- point to point, request/response --------------------------------------------------

    @Override
    @SuppressWarnings("unchecked")
    public <T> Subscription register(String endpoint, MessageHandler<T> handler, SubscribeOptions options) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        ensureOpen();
        Topic.validate(endpoint);
        Subscriber subscriber = newSubscriber(endpoint, null, (MessageHandler<Object>) handler, options);
        endpoints.computeIfAbsent(endpoint, Endpoint::new).add(subscriber);
        return subscriber;
    }

    @Override
    public boolean send(String endpoint, Object key, Object payload, Priority priority) {
        return send(endpoint, key, payload, priority, Headers.EMPTY);
    }

    private boolean send(String endpoint, Object key, Object payload, Priority priority, Headers headers) {
        ensureOpen();
        Endpoint target = endpoints.get(endpoint);
        Subscriber subscriber = target == null ? null : target.pick();
        if (subscriber == null) {
            throw new IllegalStateException("no handler is registered for endpoint '" + endpoint + "'");
        }
        return dispatch(contexts.get(), new Subscriber[] {subscriber}, endpoint, key, payload, priority, headers);
    }

    @Override
    public <Q, R> Subscription serve(String endpoint, RequestHandler<Q, R> handler, SubscribeOptions options) {
        Objects.requireNonNull(handler, "handler");
        MessageHandler<Q> responder = request -> {
            String correlationId = request.headers().get(Headers.CORRELATION_ID);
            CompletableFuture<Object> reply = correlationId == null ? null : pendingRequests.get(correlationId);
            try {
                Object response = handler.handle(request);
                if (reply != null) {
                    reply.complete(response);
                }
            } catch (Exception e) {
                if (reply != null) {
                    reply.completeExceptionally(e);
                }
                throw e; // counted and dead-lettered like any handler failure
            }
        };
        return register(endpoint, responder, options);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> request(String endpoint, Object payload, Priority priority, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        String correlationId = Long.toString(correlationSeq.incrementAndGet());
        CompletableFuture<Object> reply = new CompletableFuture<>();
        pendingRequests.put(correlationId, reply);
        reply.whenComplete((r, e) -> pendingRequests.remove(correlationId));
        try {
            send(endpoint, null, payload, priority, Headers.of(Headers.CORRELATION_ID, correlationId));
        } catch (RuntimeException e) {
            reply.completeExceptionally(e);
            return (CompletableFuture<R>) (CompletableFuture<?>) reply;
        }
        reply.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return (CompletableFuture<R>) (CompletableFuture<?>) reply;
    }

    // ---- failures --------------------------------------------------------------------------

    void deadLetter(Subscriber subscriber, Envelope<Object> message, Throwable error) {
        handlerErrors.increment();
        if (message.topic().equals(config.deadLetterTopic())) {
            LOG.error("handler {} failed on dead letter {}; dropped", subscriber.name(), message, error);
            return;
        }
        if (closed) {
            LOG.error("handler {} failed on {} while the bus was closing; not dead-lettered",
                    subscriber.name(), message, error);
            return;
        }
        LOG.warn("handler {} failed on {}: {}", subscriber.name(), message, error.toString());
        Headers headers = message.headers()
                .with(Headers.ERROR_CLASS, error.getClass().getName())
                .with(Headers.ERROR_MESSAGE, String.valueOf(error.getMessage()))
                .with(Headers.FAILED_SUBSCRIBER, subscriber.name());
        deadLetters.increment();
        publish(config.deadLetterTopic(), subscriber.name(),
                new DeadLetter(message.copy(), subscriber.name(), error), Priority.HIGH, headers);
    }

    // ---- life cycle and introspection ------------------------------------------------------

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("bus is closed");
        }
    }

    /** The lanes; for metrics, progress lines and tests. */
    public PriorityExecutor executor() {
        return executor;
    }

    public BusConfig config() {
        return config;
    }

    /** Handler exceptions since start (each also produced a dead letter unless it was one). */
    public long handlerErrors() {
        return handlerErrors.sum();
    }

    public long deadLetters() {
        return deadLetters.sum();
    }

    public int subscriptionCount() {
        return matcher.patternCount();
    }

    @Override
    public void close() {
        shutdown(config.executor().shutdownGrace());
    }

    /** Stops accepting, drains the lanes within {@code grace}, and says what was left. */
    public ShutdownReport shutdown(Duration grace) {
        closed = true;
        ShutdownReport report = executor.shutdown(grace);
        pendingRequests.values().forEach(f -> f.completeExceptionally(
                new IllegalStateException("bus closed before the reply arrived")));
        return report;
    }
}
