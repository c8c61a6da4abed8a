package io.igw.engine.recommenders;

/**
 * One reason behind a recommendation: one of the user's items ({@code ITEM}, with its item index), one of their
 * interests ({@code INTEREST}, a category, tag or brand by name) or the crowd ({@code POPULAR}). {@code weight} is
 * how much of the score it carries, in the model's own units. An order-aware model names the action too: what the
 * user did with the item ({@code behaviour}, a {@link io.igw.storage.Behaviour} code) and when ({@code time},
 * epoch seconds); both are 0 when the reason is the item alone.
 */
public record Reason(Kind kind, int item, String label, double weight, byte behaviour, long time) {
    public enum Kind { ITEM, INTEREST, POPULAR }

    public Reason(Kind kind, int item, String label, double weight) {
        this(kind, item, label, weight, (byte) 0, 0);
    }

    /** One of the user's actions: they did {@code behaviour} with {@code item} at {@code time}. */
    static Reason action(int item, byte behaviour, long time, double weight) {
        return new Reason(Kind.ITEM, item, null, weight, behaviour, time);
    }

    static Reason item(int item, double weight) {
        return new Reason(Kind.ITEM, item, null, weight);
    }

    static Reason interest(String label, double weight) {
        return new Reason(Kind.INTEREST, -1, label, weight);
    }
}
