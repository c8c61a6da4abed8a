package io.igw.engine.distributed;

/**
 * What an implicit-feedback matrix factorisation learned: {@code rank} factors per user and per item, row-major
 * ({@code users[u * rank + f]}), indexed as the interactions it was given.
 */
public record ImplicitFactors(int rank, float[] users, float[] items) {
    public ImplicitFactors {
        if (rank < 1 || users.length % rank != 0 || items.length % rank != 0) {
            throw new IllegalArgumentException("factors of rank " + rank + " do not divide " + users.length + " and " + items.length);
        }
    }
}
