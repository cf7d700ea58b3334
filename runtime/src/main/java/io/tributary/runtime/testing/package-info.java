/** {@link io.tributary.runtime.testing.TopologyTestDriver}: run a topology in a unit test, synchronously, on a mock clock. */
package io.tributary.runtime.testing;
