package io.tributary.runtime.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a transport started, closed in reverse order of start; a failure to close one is logged and
 * the rest are still closed (a half-stopped transport must not leak its server, threads or sockets).
 */
public final class CloseStack {
    private static final Logger LOG = LoggerFactory.getLogger(CloseStack.class);

    private final String what;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** @param what named in the log when something fails to close: {@code the Kafka transport} */
    public CloseStack(String what) {
        this.what = what;
    }

    public void push(AutoCloseable resource) {
        started.push(resource);
    }

    /** Closes everything pushed so far, newest first. */
    public void closeAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", what, e.toString());
            }
        }
    }
}
