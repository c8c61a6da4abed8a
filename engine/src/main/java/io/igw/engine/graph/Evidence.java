package io.igw.engine.graph;

/** One event behind an interest: what the user did with which item, when, and how much it weighs now. */
public record Evidence(long userId, String kind, String target, long itemId, byte behaviour, long eventTime, double weight) {
}
