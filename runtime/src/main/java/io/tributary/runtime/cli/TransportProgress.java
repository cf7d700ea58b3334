package io.tributary.runtime.cli;

import io.tributary.runtime.metrics.NanoFormat;

import java.util.Locale;

/**
 * The transport's part of a progress line, {@code | redis sent 12.0k/s recv 12.0k/s buffered 0}: rates
 * since the previous line, a word while the transport is in trouble ({@code DOWN}, {@code AWAY}) and
 * what waits for it.
 */
final class TransportProgress {
    private final String transport;
    private final String troubleWord;
    private final String waitingName;
    private long lastSent;
    private long lastReceived;
    private long lastNanos = System.nanoTime();

    TransportProgress(String transport, String troubleWord, String waitingName) {
        this.transport = transport;
        this.troubleWord = troubleWord;
        this.waitingName = waitingName;
    }

    /** @param sent and {@code received}: running totals; {@code waiting}: a level */
    String next(boolean inTrouble, long sent, long received, long waiting) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        String line = String.format(Locale.ROOT, " | %s%s sent %s/s recv %s/s %s %d", transport,
                inTrouble ? " " + troubleWord : "", NanoFormat.count((sent - lastSent) / seconds),
                NanoFormat.count((received - lastReceived) / seconds), waitingName, waiting);
        lastSent = sent;
        lastReceived = received;
        lastNanos = now;
        return line;
    }
}
