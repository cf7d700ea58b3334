package io.tributary.plugins.replay;

import io.tributary.api.spi.ComponentConfig;
import io.tributary.api.spi.ConfigKey;
import io.tributary.api.spi.ConfigSpec;
import io.tributary.api.spi.PluginContext;
import io.tributary.api.spi.VenueAdapter;
import io.tributary.api.spi.VenueAdapterFactory;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Venue {@code replay}: recorded quotes and trades from CSV files (format in docs/plugins.md). */
public final class ReplayVenueFactory implements VenueAdapterFactory {

    static final ConfigKey<List<String>> FILES = ConfigKey.ofStringList("files").required()
            .check(l -> !l.isEmpty(), "needs at least one file").description("CSV files, replayed one after the other");
    static final ConfigKey<String> SPEED = ConfigKey.ofString("speed").defaultValue("recorded")
            .description("'recorded', a factor such as '10x', or 'max'");
    static final ConfigKey<Boolean> LOOP = ConfigKey.ofBoolean("loop").defaultValue(false)
            .description("start again after the last file");

    @Override
    public String description() {
        return "replays recorded quotes and trades from CSV at recorded, scaled or full speed";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(FILES, SPEED, LOOP);
    }

    @Override
    public VenueAdapter create(ComponentConfig config, PluginContext context) {
        List<Path> files = new ArrayList<>();
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
            files.add(file);
        }
        ReplaySpeed speed;
        try {
            speed = ReplaySpeed.parse(config.get(SPEED));
        } catch (IllegalArgumentException e) {
            throw config.problem(SPEED, e.getMessage());
        }
        return new ReplayVenueAdapter(files, speed, config.get(LOOP), context);
    }
}
