package io.tributary.api;

import java.util.Objects;

/**
 * How a subscription receives messages. Immutable; each {@code with…} returns a copy.
 *
 * <ul>
 *   <li>{@link Delivery#POOLED} (default): through the priority lanes on a worker thread.</li>
 *   <li>{@link Delivery#INLINE}: on the publisher's thread, before publish returns. Fastest; the
 *       handler must be quick and must not block.</li>
 * </ul>
 * The lane is the message's own priority unless {@link #lane(Priority)} forces one.
 */
public final class SubscribeOptions {

    public enum Delivery { INLINE, POOLED }

    private static final SubscribeOptions DEFAULT =
            new SubscribeOptions(Delivery.POOLED, null, null, TopicPattern.Syntax.TRIBUTARY);

    private final Delivery delivery;
    private final Priority lane;
    private final String name;
    private final TopicPattern.Syntax syntax;

    private SubscribeOptions(Delivery delivery, Priority lane, String name, TopicPattern.Syntax syntax) {
        this.delivery = delivery;
        this.lane = lane;
        this.name = name;
        this.syntax = syntax;
    }

    public static SubscribeOptions defaults() {
        return DEFAULT;
    }

    public static SubscribeOptions inline() {
        return DEFAULT.delivery(Delivery.INLINE);
    }

    public static SubscribeOptions pooled() {
        return DEFAULT;
    }

    public SubscribeOptions delivery(Delivery value) {
        return new SubscribeOptions(Objects.requireNonNull(value, "delivery"), lane, name, syntax);
    }

    /** Forces every message of this subscription onto {@code value}'s lane. */
    public SubscribeOptions lane(Priority value) {
        return new SubscribeOptions(delivery, Objects.requireNonNull(value, "lane"), name, syntax);
    }

    public SubscribeOptions named(String value) {
        return new SubscribeOptions(delivery, lane, Objects.requireNonNull(value, "name"), syntax);
    }

    /** Pattern syntax; {@link TopicPattern.Syntax#NAUTILUS} for users porting from NautilusTrader. */
    public SubscribeOptions syntax(TopicPattern.Syntax value) {
        return new SubscribeOptions(delivery, lane, name, Objects.requireNonNull(value, "syntax"));
    }

    public Delivery delivery() {
        return delivery;
    }

    /** The forced lane, or null to use each message's priority. */
    public Priority lane() {
        return lane;
    }

    /** The given name, or null for a generated one. */
    public String name() {
        return name;
    }

    public TopicPattern.Syntax syntax() {
        return syntax;
    }

    @Override
    public String toString() {
        return "SubscribeOptions[delivery=" + delivery + ", lane=" + lane + ", name=" + name + ", syntax=" + syntax + "]";
    }
}
