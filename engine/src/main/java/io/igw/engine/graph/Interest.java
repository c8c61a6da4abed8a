package io.igw.engine.graph;

/** An interest edge: a user's score for a category, brand or item (shares summing to 1 per user and kind). */
public record Interest(long userId, String kind, String target, String label, double score, double weight, long lastTime) {
}
