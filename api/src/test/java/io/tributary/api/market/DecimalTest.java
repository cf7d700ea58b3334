package io.tributary.api.market;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimalTest {

    @Test
    void parsesPlainDecimalsExactly() {
        assertEquals(new Decimal(6512345, 2), Decimal.parse("65123.45"));
        assertEquals(new Decimal(-5, 1), Decimal.parse("-0.5"));
        assertEquals(new Decimal(42, 0), Decimal.parse("+42"));
        assertEquals(new Decimal(100, 2), Decimal.parse("1.00"));
        assertEquals(new Decimal(5, 1), Decimal.parse(".5"));
        assertEquals("65123.45", Decimal.parse("65123.45").toString());
    }

    @Test
    void rejectsWhatIsNotAPlainDecimalSayingWhy() {
        assertTrue(assertThrows(NumberFormatException.class, () -> Decimal.parse("1e3")).getMessage()
                .contains("unexpected character 'e' at position 1"));
        assertTrue(assertThrows(NumberFormatException.class, () -> Decimal.parse("1.2.3")).getMessage()
                .contains("two decimal points"));
        assertThrows(NumberFormatException.class, () -> Decimal.parse(""));
        assertThrows(NumberFormatException.class, () -> Decimal.parse("-"));
        assertThrows(NumberFormatException.class, () -> Decimal.parse("99999999999999999999"));
        assertThrows(NumberFormatException.class, () -> Decimal.parse("0.0000000000000000001"));
    }

    @Test
    void comparesByValueAcrossScales() {
        assertEquals(0, Decimal.parse("1.0").compareTo(Decimal.parse("1.000")));
        assertTrue(Decimal.parse("1.01").compareTo(Decimal.parse("1.009")) > 0);
        assertTrue(Decimal.compare(Long.MAX_VALUE, 0, 1, 18) > 0);
        assertTrue(Decimal.compare(-1, 0, 1, 18) < 0);
    }

    @Test
    void rescalesOnlyWithoutLoss() {
        assertEquals(12300, Decimal.rescale(123, 0, 2));
        assertEquals(123, Decimal.rescale(12300, 2, 0));
        assertThrows(ArithmeticException.class, () -> Decimal.rescale(12345, 2, 0));
        assertThrows(ArithmeticException.class, () -> Decimal.rescale(Long.MAX_VALUE, 0, 1));
        assertEquals(new BigDecimal("1.50"), new Decimal(15, 1).withScale(2).toBigDecimal());
    }

    @Test
    void scaleIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new Decimal(1, 19));
        assertThrows(IllegalArgumentException.class, () -> new Decimal(1, -1));
    }
}
