package io.tributary.runtime.compile;

import java.util.List;

/** One validation rule; adds a problem per violation instead of stopping at the first. */
interface Check {
    void check(LogicalGraph graph, List<Problem> problems);
}
