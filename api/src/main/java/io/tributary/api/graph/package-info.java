/**
 * The logical graph of a topology as pure data ({@link io.tributary.api.graph.TopologyDescription}):
 * what {@code describe()} returns and what the visualizer and metrics naming read.
 */
package io.tributary.api.graph;
