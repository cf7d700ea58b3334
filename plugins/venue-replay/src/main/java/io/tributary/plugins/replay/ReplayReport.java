package io.tributary.plugins.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a replay did: rows read (CSV lines or Avro records), quotes and trades published, the bad rows
 * (the first {@value #KEPT_BAD_ROWS} kept with file and line or record number) and the files that
 * stopped early because they are corrupt. Written by the replay thread, readable anytime.
 */
final class ReplayReport {

    static final int KEPT_BAD_ROWS = 100;

    /** A row that was skipped: {@code line} is a CSV line, or an Avro record number when {@code record}. */
    record BadRow(Path file, long line, boolean record, String reason) {
        @Override
        public String toString() {
            return record ? file + ": record " + line + ": " + reason : file + ":" + line + ": " + reason;
        }
    }

    /** A file whose replay stopped early: what came before {@code position} was replayed. */
    record FileError(Path file, long position, String reason) {
        @Override
        public String toString() {
            return file + ": at byte " + position + ": " + reason;
        }
    }

    private final List<BadRow> badRows = new CopyOnWriteArrayList<>();
    private final List<FileError> fileErrors = new CopyOnWriteArrayList<>();
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
        bad(new BadRow(file, line, false, reason));
    }

    void badRecord(Path file, long record, String reason) {
        bad(new BadRow(file, record, true, reason));
    }

    private void bad(BadRow row) {
        badRowCount++;
        if (badRows.size() < KEPT_BAD_ROWS) {
            badRows.add(row);
        }
    }

    void fileError(Path file, long position, String reason) {
        fileErrors.add(new FileError(file, position, reason));
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

    List<FileError> fileErrors() {
        return List.copyOf(fileErrors);
    }

    boolean finished() {
        return finished;
    }

    @Override
    public String toString() {
        String text = rows + " rows: " + quotes + " quotes, " + trades + " trades, " + badRowCount + " bad";
        return fileErrors.isEmpty() ? text : text + ", " + fileErrors.size() + " file(s) stopped early";
    }
}
