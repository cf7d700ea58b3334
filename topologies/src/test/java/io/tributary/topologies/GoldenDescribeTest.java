package io.tributary.topologies;

import io.tributary.api.dsl.TopologyDefinition;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The logical and physical descriptions of every example are pinned by golden files. */
class GoldenDescribeTest {

    static List<TopologyDefinition> examples() {
        return ServiceLoader.load(TopologyDefinition.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void describeMatchesGoldenFile(TopologyDefinition example) throws IOException {
        Golden.assertMatches(example.name(), example.build().describe().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void planMatchesGoldenFile(TopologyDefinition example) throws IOException {
        PluginCatalog catalog = PluginCatalog.builder().venue("sim").build();
        Golden.assertMatches(example.name() + ".plan",
                new TopologyCompiler(catalog).compile(example.build()).describe().toString());
    }

    @org.junit.jupiter.api.Test
    void everyExampleIsRegisteredAsAService() {
        assertEquals(List.of("default-desk", "market-data-fanout", "trade-bars", "order-risk"),
                examples().stream().map(TopologyDefinition::name).toList());
    }
}
