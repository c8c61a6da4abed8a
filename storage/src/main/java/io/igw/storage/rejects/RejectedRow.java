package io.igw.storage.rejects;

/** A line the importer refused, with where it was and why. */
public record RejectedRow(long lineNo, String rawText, String reason) {
}
