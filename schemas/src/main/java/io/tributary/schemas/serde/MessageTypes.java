package io.tributary.schemas.serde;

import java.util.List;

import io.tributary.schemas.Alert;
import io.tributary.schemas.ArbitrageOpportunity;
import io.tributary.schemas.Bar;
import io.tributary.schemas.CancelOrder;
import io.tributary.schemas.InstrumentId;
import io.tributary.schemas.MarketRegimeChange;
import io.tributary.schemas.ModifyOrder;
import io.tributary.schemas.OrderAccepted;
import io.tributary.schemas.OrderBookDeltas;
import io.tributary.schemas.OrderCancelled;
import io.tributary.schemas.OrderFilled;
import io.tributary.schemas.OrderRejected;
import io.tributary.schemas.Price;
import io.tributary.schemas.Quantity;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.SubmitOrder;
import io.tributary.schemas.TradeTick;
import org.apache.avro.specific.SpecificRecord;

/**
 * The record types Tributary sends between processes: one per top-level {@code .avsc} file under
 * {@code schemas/src/main/avro} (a test keeps this list and the files in step).
 */
public final class MessageTypes {

    /** Java package (and Avro namespace) of the generated records. */
    public static final String PACKAGE = "io.tributary.schemas";

    private static final List<Class<? extends SpecificRecord>> ALL = List.of(
            InstrumentId.class, Price.class, Quantity.class,
            QuoteTick.class, TradeTick.class, OrderBookDeltas.class, Bar.class,
            SubmitOrder.class, CancelOrder.class, ModifyOrder.class,
            OrderAccepted.class, OrderRejected.class, OrderFilled.class, OrderCancelled.class,
            ArbitrageOpportunity.class, MarketRegimeChange.class, Alert.class);

    private MessageTypes() {
    }

    /** Every message record type, in a fixed order. */
    public static List<Class<? extends SpecificRecord>> all() {
        return ALL;
    }
}
