package io.tributary.plugins.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a replay did: rows read, quotes and trades published, and the bad rows (the first
 * {@value #KEPT_BAD_ROWS} kept with file and line). Written by the replay thread, readable anytime.
 */
final class ReplayReport {

    static final int KEPT_BAD_ROWS = 100;

    /** A row that was skipped. */
    record BadRow(Path file, long line, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + reason;
        }
    }

    private final List<BadRow> badRows = new CopyOnWriteArrayList<>();
    private volatile long rows;
    private volatile long quotes;
    private volatile long trades;
    private volatile long badRowCount;
    private volatile boolean finished;

    void row() {
        rows++;
    }

    void quote() {
        quotes++;
    }

    void trade() {
        trades++;
    }

    void bad(Path file, long line, String reason) {
        badRowCount++;
        if (badRows.size() < KEPT_BAD_ROWS) {
            badRows.add(new BadRow(file, line, reason));
        }
    }

    void finish() {
        finished = true;
    }

    long rows() {
        return rows;
    }

    long quotes() {
        return quotes;
    }

    long trades() {
        return trades;
    }

    long badRowCount() {
        return badRowCount;
    }

    List<BadRow> badRows() {
        return List.copyOf(badRows);
    }

    boolean finished() {
        return finished;
    }

    @Override
    public String toString() {
        return rows + " rows: " + quotes + " quotes, " + trades + " trades, " + badRowCount + " bad";
    }
}
