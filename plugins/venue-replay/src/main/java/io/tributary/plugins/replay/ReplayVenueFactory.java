package io.tributary.plugins.replay;

import io.tributary.api.spi.ComponentConfig;
import io.tributary.api.spi.ConfigKey;
import io.tributary.api.spi.ConfigSpec;
import io.tributary.api.spi.PluginContext;
import io.tributary.api.spi.VenueAdapter;
import io.tributary.api.spi.VenueAdapterFactory;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Venue {@code replay}: recorded quotes and trades from CSV or Avro container files (formats in docs/plugins.md). */
public final class ReplayVenueFactory implements VenueAdapterFactory {

    static final ConfigKey<List<String>> FILES = ConfigKey.ofStringList("files").required()
            .check(l -> !l.isEmpty(), "needs at least one file").description("CSV or Avro container files, replayed one after the other");
    static final ConfigKey<String> SPEED = ConfigKey.ofString("speed").defaultValue("recorded")
            .description("'recorded', a factor such as '10x', or 'max'");
    static final ConfigKey<ReplayFormat> FORMAT = ConfigKey.ofEnum("format", ReplayFormat.class)
            .defaultValue(ReplayFormat.AUTO)
            .description("'auto' (by extension: .avro is an Avro container of QuoteTick/TradeTick, else CSV), 'csv' or 'avro'");
    static final ConfigKey<Boolean> LOOP = ConfigKey.ofBoolean("loop").defaultValue(false)
            .description("start again after the last file");

    @Override
    public String description() {
        return "replays recorded quotes and trades from CSV or Avro files at recorded, scaled or full speed";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(FILES, SPEED, FORMAT, LOOP);
    }

    @Override
    public VenueAdapter create(ComponentConfig config, PluginContext context) {
        ReplayFormat format = config.get(FORMAT);
        List<ReplayFile> files = new ArrayList<>();
        for (String name : config.get(FILES)) {
            Path file;
            try {
                file = Path.of(name).toAbsolutePath();
            } catch (InvalidPathException e) {
                throw config.problem(FILES, "'" + name + "' is not a valid path: " + e.getMessage());
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw config.problem(FILES, "cannot read " + file + (Files.exists(file) ? "" : ": no such file"));
            }
            ReplayFormat fileFormat = format.resolve(file);
            if (fileFormat == ReplayFormat.AVRO) {
                String problem = avroProblem(file);
                if (problem != null) {
                    throw config.problem(FILES, problem);
                }
            }
            files.add(new ReplayFile(file, fileFormat));
        }
        ReplaySpeed speed;
        try {
            speed = ReplaySpeed.parse(config.get(SPEED));
        } catch (IllegalArgumentException e) {
            throw config.problem(SPEED, e.getMessage());
        }
        return new ReplayVenueAdapter(files, speed, config.get(LOOP), context);
    }

    /** Reads only the header: a file that is not a container of ticks is a config error, not a replay error. */
    private static String avroProblem(Path file) {
        Schema schema;
        try (DataFileReader<Object> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            schema = reader.getSchema();
        } catch (IOException | RuntimeException e) {
            return file + " cannot be read as an Avro container file: " + e.getMessage();
        }
        if (!AvroTickMapper.holdsTicks(schema)) {
            String name = schema.getType() == Schema.Type.RECORD ? schema.getFullName() : schema.getType().getName();
            return file + " holds " + name + ", not QuoteTick or TradeTick records (nor a union with them)";
        }
        return null;
    }
}
