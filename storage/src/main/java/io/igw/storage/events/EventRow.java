package io.igw.storage.events;

/**
 * One behaviour event on its way into a partition. Mutable and reused by the producer to keep the hot path free of
 * allocation; {@link #NO_CATEGORY}, {@link #NO_QUANTITY} and a NaN strength mean "absent".
 */
public final class EventRow {
    public static final long NO_CATEGORY = Long.MIN_VALUE;
    public static final int NO_QUANTITY = Integer.MIN_VALUE;

    public long userId;
    public long itemId;
    public long categoryId = NO_CATEGORY;
    public byte behaviour;
    public long eventTime;
    public String sessionId;
    public int quantity = NO_QUANTITY;
    public float strength = Float.NaN;

    public void clear() {
        userId = 0;
        itemId = 0;
        categoryId = NO_CATEGORY;
        behaviour = 0;
        eventTime = 0;
        sessionId = null;
        quantity = NO_QUANTITY;
        strength = Float.NaN;
    }
}
