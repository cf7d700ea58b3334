package io.tributary.runtime.metrics;

import com.codahale.metrics.ConsoleReporter;
import com.codahale.metrics.CsvReporter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.ScheduledReporter;
import com.codahale.metrics.jmx.JmxReporter;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Dropwizard's own reporters over the registry: JMX (MBeans under a domain), console and CSV at a
 * period. Rates per second, durations in milliseconds (the registry holds nanoseconds).
 */
public final class MetricsReporters implements AutoCloseable {
    private final List<AutoCloseable> started;

    private MetricsReporters(List<AutoCloseable> started) {
        this.started = started;
    }

    /** Starts what {@code settings} enables; the console reporter writes to {@code console}. */
    public static MetricsReporters start(MetricRegistry registry, MetricsSettings settings, PrintStream console) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            if (settings.jmx()) {
                JmxReporter jmx = JmxReporter.forRegistry(registry).inDomain(settings.jmxDomain())
                        .convertRatesTo(TimeUnit.SECONDS).convertDurationsTo(TimeUnit.MILLISECONDS).build();
                jmx.start();
                started.add(jmx);
            }
            if (!settings.consolePeriod().isZero()) {
                ConsoleReporter reporter = ConsoleReporter.forRegistry(registry).outputTo(console)
                        .formattedFor(Locale.ROOT)
                        .convertRatesTo(TimeUnit.SECONDS).convertDurationsTo(TimeUnit.MILLISECONDS).build();
                started.add(schedule(reporter, settings.consolePeriod()));
            }
            if (settings.csvDirectory() != null) {
                Path dir = settings.csvDirectory();
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the CSV metrics directory " + dir + ": " + e.getMessage(), e);
                }
                CsvReporter reporter = CsvReporter.forRegistry(registry).formatFor(Locale.ROOT)
                        .convertRatesTo(TimeUnit.SECONDS).convertDurationsTo(TimeUnit.MILLISECONDS)
                        .build(dir.toFile());
                started.add(schedule(reporter, settings.csvPeriod()));
            }
        } catch (RuntimeException e) {
            new MetricsReporters(started).close();
            throw e;
        }
        return new MetricsReporters(started);
    }

    private static ScheduledReporter schedule(ScheduledReporter reporter, Duration period) {
        reporter.start(period.toNanos(), TimeUnit.NANOSECONDS);
        return reporter;
    }

    /** How many reporters run. */
    public int count() {
        return started.size();
    }

    /** Stops every reporter. */
    @Override
    public void close() {
        for (AutoCloseable reporter : started) {
            try {
                reporter.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(MetricsReporters.class).warn("stopping {} failed", reporter, e);
            }
        }
        started.clear();
    }
}
