package io.tributary.plugins.replay;

import io.tributary.api.Priority;
import io.tributary.api.TopicHandle;
import io.tributary.api.TopicPattern;
import io.tributary.api.market.InstrumentId;
import io.tributary.api.market.MarketTopics;
import io.tributary.api.market.Quote;
import io.tributary.api.market.Trade;
import io.tributary.api.spi.PluginContext;
import io.tributary.api.spi.VenueAdapter;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableFileInput;
import org.apache.avro.generic.GenericDatumReader;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Streams the files on its own thread (never loading a whole file: CSV line by line, Avro block by
 * block), paces rows by their {@code ts_event}, and publishes those whose topic matches a subscribed
 * pattern. A bad row is counted, logged (the first {@value #LOGGED_BAD_ROWS}) and skipped with its
 * file and line (Avro: record number); the replay goes on. A corrupt or truncated Avro file stops at
 * the bad block, reported with its byte position, and the replay goes on with the next file.
 * Publishing starts at the first {@link #subscribe}.
 */
final class ReplayVenueAdapter implements VenueAdapter {

    private static final int LOGGED_BAD_ROWS = 20;
    private static final long MAX_PARK_NANOS = 100_000_000L;

    /** Per instrument, resolved once per subscription change. */
    private record Route(TopicHandle quotes, boolean quotesOn, TopicHandle trades, boolean tradesOn) {
    }

    private final List<ReplayFile> files;
    private final ReplaySpeed speed;
    private final boolean loop;
    private final PluginContext context;
    private final CsvRowParser parser;
    private final AvroTickMapper avroMapper;
    private final ReplayReport report = new ReplayReport();
    private final List<TopicPattern> patterns = new CopyOnWriteArrayList<>();
    private final Map<InstrumentId, Route> routes = new HashMap<>();
    private volatile int patternsVersion;
    private int routesVersion = -1;
    private Thread thread;
    private volatile boolean running;
    private long firstTs = Long.MIN_VALUE;
    private long wallStart;

    ReplayVenueAdapter(List<ReplayFile> files, ReplaySpeed speed, boolean loop, PluginContext context) {
        this.files = List.copyOf(files);
        this.speed = speed;
        this.loop = loop;
        this.context = context;
        this.parser = new CsvRowParser(context.clock());
        this.avroMapper = new AvroTickMapper(context.clock());
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.MARKET_DATA);
    }

    @Override
    public void connect() {
        for (ReplayFile file : files) {
            if (!Files.isReadable(file.path())) {
                throw new IllegalStateException(context.componentName() + ": cannot read " + file.path());
            }
        }
    }

    @Override
    public synchronized void subscribe(TopicPattern topics) {
        patterns.add(topics);
        patternsVersion++;
        if (thread == null) {
            running = true;
            thread = context.newThread("reader", this::run);
            thread.start();
        }
    }

    private void run() {
        do {
            firstTs = Long.MIN_VALUE;
            for (ReplayFile file : files) {
                if (!running) {
                    break;
                }
                if (file.format() == ReplayFormat.AVRO) {
                    replayAvro(file.path());
                } else {
                    replayCsv(file.path());
                }
            }
        } while (loop && running);
        report.finish();
        context.logger().info("{} finished: {}", context.componentName(), report);
        if (report.badRowCount() > LOGGED_BAD_ROWS) {
            context.logger().warn("{}: {} bad rows in all, only the first {} were logged", context.componentName(),
                    report.badRowCount(), LOGGED_BAD_ROWS);
        }
    }

    private void replayCsv(Path file) {
        String fileName = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            boolean dataSeen = false;
            String line;
            while (running && (line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.stripLeading().startsWith("#") || (!dataSeen && CsvRowParser.isHeader(line))) {
                    continue;
                }
                dataSeen = true;
                report.row();
                Object event;
                try {
                    event = parser.parse(line, fileName + ":" + lineNumber);
                } catch (BadRowException e) {
                    report.bad(file, lineNumber, e.getMessage());
                    logBadRow(file + ":" + lineNumber, e);
                    continue;
                }
                publish(event);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            context.reportError("reading " + file, e);
        }
    }

    /**
     * Reads the container with the writer schema it embeds; records are mapped by name, so the plugin
     * needs no generated classes. The datum is reused: mapping copies what it needs.
     */
    private void replayAvro(Path file) {
        String fileName = file.getFileName().toString();
        DataFileReader<Object> reader;
        long length;
        try {
            SeekableFileInput input = new SeekableFileInput(file.toFile());
            length = input.length();
            reader = new DataFileReader<>(input, new GenericDatumReader<>());
        } catch (IOException | RuntimeException e) {
            stopFile(file, 0, 0, "not a readable Avro container file", e);
            return;
        }
        long record = 0;
        try (reader) {
            Object datum = null;
            while (running) {
                try {
                    if (!reader.hasNext()) {
                        // Avro reads a block cut short by the end of the file as a clean end: tell them apart
                        if (running && reader.previousSync() < length) {
                            stopFile(file, reader.previousSync(), record, "truncated block", new EOFException(
                                    "the file ends " + (length - reader.previousSync()) + " bytes into the block"));
                        }
                        break;
                    }
                    datum = reader.next(datum);
                } catch (RuntimeException e) {
                    // Avro wraps I/O and decoding failures (EOF, bad sync marker, bad varint) in runtime exceptions
                    stopFile(file, reader.previousSync(), record, "corrupt or truncated block", e);
                    return;
                }
                record++;
                report.row();
                Object event;
                try {
                    event = avroMapper.map(datum, fileName + "#" + record);
                } catch (BadRowException e) {
                    report.badRecord(file, record, e.getMessage());
                    logBadRow(file + ": record " + record, e);
                    continue;
                }
                publish(event);
            }
        } catch (IOException e) {
            context.reportError("closing " + file, e);
        }
    }

    private void stopFile(Path file, long position, long records, String what, Exception e) {
        String reason = what + " after record " + records + ": " + rootCause(e);
        report.fileError(file, position, reason);
        context.reportError("reading " + file + " stopped at byte " + position + ": " + reason
                + "; the records before it were replayed", e);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private void logBadRow(String where, BadRowException e) {
        if (report.badRowCount() <= LOGGED_BAD_ROWS) {
            context.logger().warn("{}: skipping {}: {}", context.componentName(), where, e.getMessage());
        }
    }

    private void publish(Object event) {
        if (event instanceof Quote quote) {
            pace(quote.tsEvent());
            Route route = route(quote.instrument());
            if (route.quotesOn()) {
                route.quotes().publish(quote.instrument(), quote, Priority.NORMAL);
                report.quote();
            }
        } else {
            Trade trade = (Trade) event;
            pace(trade.tsEvent());
            Route route = route(trade.instrument());
            if (route.tradesOn()) {
                route.trades().publish(trade.instrument(), trade, Priority.NORMAL);
                report.trade();
            }
        }
    }

    private Route route(InstrumentId instrument) {
        int version = patternsVersion;
        if (version != routesVersion) {
            routes.clear();
            routesVersion = version;
        }
        Route route = routes.get(instrument);
        if (route == null) {
            String quoteTopic = MarketTopics.quotes(instrument);
            String tradeTopic = MarketTopics.trades(instrument);
            route = new Route(context.bus().topic(quoteTopic), matches(quoteTopic), context.bus().topic(tradeTopic),
                    matches(tradeTopic));
            routes.put(instrument, route);
        }
        return route;
    }

    private boolean matches(String topic) {
        for (TopicPattern p : patterns) {
            if (p.matches(topic)) {
                return true;
            }
        }
        return false;
    }

    /** Waits until the row's recorded offset from the first row, divided by the speed factor, has passed. */
    private void pace(long tsEvent) {
        if (speed.unpaced()) {
            return;
        }
        if (firstTs == Long.MIN_VALUE) {
            firstTs = tsEvent;
            wallStart = System.nanoTime();
            return;
        }
        long due = wallStart + (long) ((tsEvent - firstTs) / speed.factor());
        long wait;
        while (running && (wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
        }
    }

    ReplayReport report() {
        return report;
    }

    boolean awaitFinished(Duration timeout) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return false;
        }
        t.join(timeout.toMillis());
        return !t.isAlive();
    }

    @Override
    public void disconnect() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            try {
                t.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "ReplayVenueAdapter" + files;
    }
}
