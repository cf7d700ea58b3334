package io.tributary.api.spi;

/** Creates {@link Sink}s; registered with {@link ComponentBinder#sink}. */
public interface SinkFactory extends ComponentFactory<Sink> {
}
