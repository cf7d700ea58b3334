/** Loading and validating the HOCON configuration: {@link io.tributary.runtime.config.ConfigLoader}; see docs/config.md. */
package io.tributary.runtime.config;
