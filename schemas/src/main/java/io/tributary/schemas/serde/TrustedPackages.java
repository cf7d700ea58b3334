package io.tributary.schemas.serde;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Registers Java packages with Avro's {@link ClassSecurityValidator}, which since Avro 1.12
 * refuses to instantiate classes it does not trust ({@code SecurityException: Forbidden ...}).
 *
 * <p>The generated Tributary records are trusted as soon as {@link TributarySerde} is loaded.
 * Code that uses the generated classes with plain Avro ({@code QuoteTick.fromByteBuffer}, a
 * {@code SpecificDatumReader}) calls {@link #trustTributarySchemas()} first, or starts the JVM
 * with {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.tributary.schemas}.
 *
 * <p>The trust is added to whatever global predicate is installed when the first package is
 * registered; code that later replaces the global predicate with
 * {@link ClassSecurityValidator#setGlobal} must include these packages itself.
 */
public final class TrustedPackages {

    private static final Set<String> PACKAGES = ConcurrentHashMap.newKeySet();
    private static boolean installed;

    private TrustedPackages() {
    }

    /** Trust the generated Tributary records ({@value MessageTypes#PACKAGE}). Idempotent. */
    public static void trustTributarySchemas() {
        trust(MessageTypes.PACKAGE);
    }

    /**
     * Trust every class directly in {@code packageName} (not its sub-packages): Avro may then
     * load and instantiate them when a schema names them. Idempotent.
     */
    public static void trust(String packageName) {
        if (packageName == null || packageName.isEmpty()) {
            throw new IllegalArgumentException("package name must not be empty (the default package cannot be trusted)");
        }
        if (PACKAGES.add(packageName)) {
            install();
        }
    }

    /** Whether Avro will currently let Tributary's serde instantiate classes of this package. */
    public static boolean isTrusted(String packageName) {
        return PACKAGES.contains(packageName);
    }

    private static synchronized void install() {
        if (!installed) {
            ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
            ClassSecurityValidator.setGlobal(
                    ClassSecurityValidator.composite(previous, TrustedPackages::trusted));
            installed = true;
        }
    }

    private static boolean trusted(Class<?> type) {
        return PACKAGES.contains(type.getPackageName());
    }
}
