package io.igw.engine.recommenders;

/**
 * One reason behind a recommendation: one of the user's items ({@code ITEM}, with its item index), one of their
 * interests ({@code INTEREST}, a category, tag or brand by name) or the crowd ({@code POPULAR}). {@code weight} is
 * how much of the score it carries, in the model's own units.
 */
public record Reason(Kind kind, int item, String label, double weight) {
    public enum Kind { ITEM, INTEREST, POPULAR }

    static Reason item(int item, double weight) {
        return new Reason(Kind.ITEM, item, null, weight);
    }

    static Reason interest(String label, double weight) {
        return new Reason(Kind.INTEREST, -1, label, weight);
    }
}
