package io.tributary.runtime.plugin;

import io.tributary.api.Envelope;
import io.tributary.api.spi.Sink;
import io.tributary.api.spi.SinkFactory;

/** A plugin's sink factory whose sinks are isolated: see {@link GuardedSink}. */
final class GuardedSinkFactory extends GuardedFactory<Sink> implements SinkFactory {

    GuardedSinkFactory(ComponentDescriptor component) {
        super(component);
    }

    @Override
    Sink guard(Sink sink) {
        return new GuardedSink(component, sink);
    }

    /** {@link #open()} failures are thrown; write/flush/close failures are counted and skipped. */
    static final class GuardedSink implements Sink {
        private final ComponentDescriptor component;
        private final FailureCounter failures;
        private final Sink delegate;

        GuardedSink(ComponentDescriptor component, Sink delegate) {
            this.component = component;
            this.failures = component.failures();
            this.delegate = delegate;
        }

        @Override
        public void open() {
            Guard.lifecycle(component, "open", delegate::open);
        }

        @Override
        public void write(Envelope<?> message) {
            try {
                delegate.write(message);
            } catch (Exception | LinkageError e) {
                failures.record("write", e);
            }
        }

        @Override
        public void flush() {
            try {
                delegate.flush();
            } catch (Exception | LinkageError e) {
                failures.record("flush", e);
            }
        }

        @Override
        public void close() {
            Guard.quietly(component, "close", delegate::close);
        }

        @Override
        public String toString() {
            return component.label() + "[" + delegate + "]";
        }
    }
}
