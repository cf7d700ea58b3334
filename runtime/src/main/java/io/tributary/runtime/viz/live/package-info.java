/**
 * The live page of {@code tributary run --ui}: {@link io.tributary.runtime.viz.live.LiveUiServer} serves the
 * topology drawing and pushes a {@link io.tributary.runtime.viz.live.LiveSnapshot} of the running plan's
 * metrics and open alerts to the browser as server-sent events.
 */
package io.tributary.runtime.viz.live;
