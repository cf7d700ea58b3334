package io.tributary.runtime.viz.live;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One page's server-sent event stream. The snapshot thread {@link #offer}s frames and never waits:
 * a client that reads slower than snapshots come loses the oldest ones (only the newest matters).
 * The exchange's own thread writes them in {@link #serve} until the client goes or the server stops.
 */
final class SseStream {
    /** How long the client waits before reconnecting after the stream breaks. */
    static final long RETRY_MILLIS = 2_000;
    private static final String END = new String("end");

    private final BlockingQueue<String> frames = new ArrayBlockingQueue<>(4);

    /**
     * One SSE event: {@code id}, {@code event} and one {@code data:} line per line of {@code data},
     * ended by a blank line.
     */
    static String frame(String event, long id, String data) {
        StringBuilder b = new StringBuilder(data.length() + 48);
        b.append("id: ").append(id).append('\n').append("event: ").append(event).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        return b.append('\n').toString();
    }

    /** Queues a frame for this client, dropping its oldest unsent frame if it is behind. */
    void offer(String frame) {
        while (!frames.offer(frame)) {
            frames.poll();
        }
    }

    /** Ends {@link #serve} after the frames already queued. */
    void end() {
        offer(END);
    }

    /**
     * Sends the headers, then each frame as it comes, until {@link #end()} or until a write fails
     * (the client went away).
     *
     * @param first the newest frame so far, sent at once so a new page need not wait; null if none
     */
    void serve(HttpExchange exchange, String first) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        write(out, "retry: " + RETRY_MILLIS + "\n\n");
        if (first != null) {
            write(out, first);
        }
        while (true) {
            String frame = frames.poll(1, TimeUnit.SECONDS);
            if (frame == END) {
                return;
            }
            // a comment line when idle: finds a client that went away even when no snapshot comes
            write(out, frame == null ? ":\n\n" : frame);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
