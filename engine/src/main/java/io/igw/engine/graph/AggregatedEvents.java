package io.igw.engine.graph;

/**
 * A log already reduced to what a graph build needs from its events, by an engine outside this process (the Spark
 * job of {@code igw graph build --engine spark}): per (user, item) pair its decayed weight, last time and strongest
 * event; per item its category and how many sessions it was in; per pair of items how many sessions had both; and
 * the totals. {@link InterestGraphBuilder#fromAggregates} turns it into a build with the same code that rolls a local
 * build's pairs up into interests, links items by lift and links categories.
 *
 * <p>Each method streams its rows once, in any order; ids are the log's own.
 */
public interface AggregatedEvents {
    /** The time the weights are decayed to (epoch seconds). */
    long asOf();

    /** Events counted (those at or before the as-of time). */
    long events();

    /** Events left out because they happened after the as-of time. */
    long skipped();

    /** How many sessions the users' events make. */
    long sessions();

    void pairs(PairRows rows) throws Exception;

    void items(ItemRows rows) throws Exception;

    void itemPairs(ItemPairRows rows) throws Exception;

    /** One (user, item) pair: its decayed weight, its last event, and its strongest event (weight, behaviour, time). */
    @FunctionalInterface
    interface PairRows {
        void pair(long user, long item, double weight, long last, double bestWeight, String bestBehaviour, long bestTime);
    }

    /** One item: its category (null when its events had none) and the number of sessions it was paired in. */
    @FunctionalInterface
    interface ItemRows {
        void item(long item, Long category, long sessions);
    }

    /** Two items (either order) and the number of sessions that had both. */
    @FunctionalInterface
    interface ItemPairRows {
        void itemPair(long a, long b, long sessions);
    }
}
