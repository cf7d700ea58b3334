package io.tributary.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;

import java.time.Duration;
import java.util.Objects;

/**
 * The validated configuration of a Tributary process. Load it with {@link ConfigLoader}.
 *
 * @param profile  the active profile
 * @param executor executor settings
 * @param run      settings of {@code tributary run}
 * @param transport the transport
 * @param timerPeriod how often running plans release conflated values and close windows
 * @param raw      the resolved {@code tributary} subtree, for settings later issues add
 */
public record TributaryConfig(String profile, ExecutorSettings executor, RunSettings run,
                              TransportSettings transport, Duration timerPeriod,
                              Config raw) {

    public TributaryConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(raw, "raw");
    }

    /** The resolved settings as HOCON, without comments, for {@code tributary config check}. */
    public String render() {
        return raw.root().render(ConfigRenderOptions.concise().setFormatted(true).setJson(false));
    }
}
