/** The {@code tributary} command line (picocli): {@code run}, {@code describe}, {@code config check}. */
package io.tributary.runtime.cli;
