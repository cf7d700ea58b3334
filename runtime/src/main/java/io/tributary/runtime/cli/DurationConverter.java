package io.tributary.runtime.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import picocli.CommandLine;

import java.time.Duration;

/** Durations on the command line use the configuration's syntax: {@code 10s}, {@code 500ms}, {@code 2m}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            Duration d = ConfigFactory.empty().withValue("d", ConfigValueFactory.fromAnyRef(value.trim())).getDuration("d");
            if (d.isNegative()) {
                throw new CommandLine.TypeConversionException("duration must not be negative, was '" + value + "'");
            }
            return d;
        } catch (ConfigException e) {
            throw new CommandLine.TypeConversionException("invalid duration '" + value + "': use e.g. 10s, 500ms or 2m");
        }
    }
}
