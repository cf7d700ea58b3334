/**
 * The topology compiler: validation that reports every problem at once, then fusion, key pinning
 * and lane assignment. Entry point: {@link io.tributary.runtime.compile.TopologyCompiler}.
 */
package io.tributary.runtime.compile;
