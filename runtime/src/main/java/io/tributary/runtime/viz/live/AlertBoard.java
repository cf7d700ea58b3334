package io.tributary.runtime.viz.live;

import io.tributary.api.Envelope;
import io.tributary.api.MessageBus;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.runtime.metrics.AlertEvaluator;
import io.tributary.schemas.Alert;
import io.tributary.schemas.AlertState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open alerts, as the {@link AlertEvaluator} publishes them on {@code alerts.<severity>}: a RAISED
 * alert is open until the RESOLVED of the same id arrives. Listens inline (alerts are rare and the
 * handler only updates a map), so it sees an alert as soon as the evaluator publishes it.
 */
final class AlertBoard implements AutoCloseable {
    private final Map<String, LiveSnapshot.OpenAlert> open = new LinkedHashMap<>();
    private final Subscription subscription;

    /** Listens on {@code alerts.*} of {@code bus}; a null bus gives a board that stays empty. */
    AlertBoard(MessageBus bus) {
        this.subscription = bus == null ? null
                : bus.subscribe(AlertEvaluator.TOPIC_PREFIX + ".*", this::onAlert, SubscribeOptions.inline());
    }

    private void onAlert(Envelope<Object> message) {
        if (message.payload() instanceof Alert alert) {
            record(alert);
        }
    }

    synchronized void record(Alert alert) {
        String id = alert.getAlertId().toString();
        if (alert.getState() == AlertState.RESOLVED) {
            open.remove(id);
        } else {
            open.put(id, new LiveSnapshot.OpenAlert(id, alert.getSeverity().name(), alert.getRule().toString(),
                    alert.getMetric().toString(), alert.getValue(), alert.getThreshold(),
                    alert.getMessage().toString(), alert.getTsEvent()));
        }
    }

    /** Open alerts, oldest first. */
    synchronized List<LiveSnapshot.OpenAlert> open() {
        return new ArrayList<>(open.values());
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
