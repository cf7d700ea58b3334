package io.tributary.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import io.tributary.schemas.QuoteTick;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

class TrustedPackagesTest {

    @Test
    void generatedRecordsAreTrustedOnceTheSerdeIsLoadedAndNothingElseIs() {
        TributarySerde.get();
        assertTrue(TrustedPackages.isTrusted("io.tributary.schemas"));
        assertTrue(ClassSecurityValidator.getGlobal().isTrusted(QuoteTick.class));
        assertTrue(ClassSecurityValidator.getGlobal().isTrusted(io.tributary.schemas.BookSide.class));
        assertFalse(ClassSecurityValidator.getGlobal().isTrusted(java.util.concurrent.ConcurrentHashMap.class));
        assertFalse(ClassSecurityValidator.getGlobal().isTrusted(TributarySerde.class),
                "only the records' own package, not its sub-packages");
    }

    @Test
    void plainAvroApiOfTheGeneratedClassesWorksOnceTrusted() throws Exception {
        TrustedPackages.trustTributarySchemas();
        byte[] bytes = TributarySerde.get().encode(SampleRecords.quote());
        assertEquals(SampleRecords.quote(), QuoteTick.fromByteBuffer(ByteBuffer.wrap(bytes)));
    }

    @Test
    void theDefaultPackageCannotBeTrusted() {
        assertThrows(IllegalArgumentException.class, () -> TrustedPackages.trust(""));
    }
}
