package io.tributary.api.spi;

import io.tributary.api.Envelope;

/**
 * Where messages leave a topology: a file, a database, a screen. {@link #write} is called from one
 * thread at a time per instance; {@link #flush()} at the end of each delivered batch.
 */
@SuppressWarnings("try") // close() may throw anything a file or a connection throws
public interface Sink extends AutoCloseable {

    /** Opens files or connections; called once before the first write. */
    default void open() throws Exception {
    }

    /**
     * Writes one message. The envelope is valid only during the call: keep {@code message.copy()}
     * if you buffer. An exception counts against the sink and the message is skipped.
     */
    void write(Envelope<?> message) throws Exception;

    /** Pushes out anything buffered. */
    default void flush() throws Exception {
    }

    @Override
    default void close() throws Exception {
    }
}
