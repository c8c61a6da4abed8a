package io.igw.storage.datasets;

/** The counts an import ends with; {@code read == imported + duplicates + rejected} always holds. */
public record ImportTotals(long read, long imported, long duplicates, long rejected, long users, long items, double seconds) {
    public ImportTotals {
        if (read != imported + duplicates + rejected) {
            throw new IllegalArgumentException("read " + read + " != imported " + imported + " + duplicates "
                    + duplicates + " + rejected " + rejected);
        }
    }
}
