package io.igw.engine.ingest;

import io.igw.storage.events.EventRow;

/**
 * A 64-bit fingerprint of every field of a row, used to recognise exact duplicates.
 * assumption: two different rows share a fingerprint with probability about 2^-64 per pair; over 100 million
 * events that is about one chance in 3,600 of treating one new event as a duplicate, which we accept for an
 * import that keeps no per-row state on the heap.
 */
final class Fingerprint {
    private static final long SEED_EVENTS = 0x5EED_0001_EEEEL;

    private Fingerprint() {
    }

    static long of(EventRow r) {
        long h = SEED_EVENTS;
        h = step(h, r.userId);
        h = step(h, r.itemId);
        h = step(h, r.categoryId);
        h = step(h, r.behaviour);
        h = step(h, r.eventTime);
        h = step(h, r.sessionId == null ? 0x9E37L : r.sessionId.hashCode() * 0x100000001B3L + r.sessionId.length());
        h = step(h, r.quantity);
        h = step(h, Float.floatToIntBits(r.strength));
        return finish(h);
    }

    /** A fingerprint of a catalogue row: its kind and its fields' text. */
    static long ofText(String kind, String[] fields) {
        long h = step(SEED_EVENTS ^ kind.hashCode(), kind.length());
        for (String f : fields) {
            long fh = 0xcbf29ce484222325L;
            for (int i = 0; i < f.length(); i++) {
                fh = (fh ^ f.charAt(i)) * 0x100000001B3L;
            }
            h = step(h, fh ^ f.length());
        }
        return finish(h);
    }

    private static long step(long h, long v) {
        h ^= mix(v + 0x9E3779B97F4A7C15L);
        return Long.rotateLeft(h, 27) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long finish(long h) {
        return mix(h);
    }
}
