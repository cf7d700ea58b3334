package io.tributary.runtime.viz;

/** Writes a {@link VizGraph} in one format. Implementations are stateless and deterministic. */
public interface VizRenderer {
    /** The whole document, ending with a newline. */
    String render(VizGraph graph);
}
