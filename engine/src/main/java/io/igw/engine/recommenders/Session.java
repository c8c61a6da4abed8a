package io.igw.engine.recommenders;

import java.util.Arrays;

/**
 * A user's actions in the order they happened: the items (dense indices), the behaviour of each (its
 * {@link io.igw.storage.Behaviour} code, 0 where unknown) and when (epoch seconds, 0 where unknown). What an
 * order-aware model reads; a model that sees a user as a set reads {@link #distinctItems()}.
 */
public record Session(int[] items, byte[] kinds, long[] times) {
    public Session {
        if (items.length != kinds.length || items.length != times.length) {
            throw new IllegalArgumentException("a session's items, behaviours and times differ in length");
        }
    }

    /** Items acted on in this order, behaviour and time unknown. */
    public static Session ofItems(int... items) {
        return new Session(items.clone(), new byte[items.length], new long[items.length]);
    }

    public int length() {
        return items.length;
    }

    /** The session's items as a set: ascending, each once (the history a bag-of-items model scores). */
    public int[] distinctItems() {
        return Arrays.stream(items).distinct().sorted().toArray();
    }

    /** The first {@code n} actions (all of them when there are fewer). */
    public Session first(int n) {
        int to = Math.min(n, items.length);
        return new Session(Arrays.copyOf(items, to), Arrays.copyOf(kinds, to), Arrays.copyOf(times, to));
    }

    /** The last {@code n} actions (all of them when there are fewer). */
    public Session last(int n) {
        int from = Math.max(0, items.length - n);
        return new Session(Arrays.copyOfRange(items, from, items.length), Arrays.copyOfRange(kinds, from, kinds.length),
                Arrays.copyOfRange(times, from, times.length));
    }
}
