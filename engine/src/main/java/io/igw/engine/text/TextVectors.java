package io.igw.engine.text;

import io.igw.engine.linalg.Vectors;
import io.igw.engine.task.JobContext;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Vectors of texts under keys (items' titles under item ids, tags under a hash of the tag), with the model that made
 * them, the catalogue version they are for, and a hash of each text, so that a later catalogue version re-encodes
 * only the texts that are new or changed. Immutable; stored as a column folder.
 */
public final class TextVectors {
    /** Texts encoded per call to the encoder: the unit of progress and of cancelling. */
    static final int BATCH = 128;

    private final String model;
    private final String version;
    private final long[] keys;      // ascending
    private final long[] hashes;
    private final int dimensions;
    private final float[] vectors;  // keys.length × dimensions

    private TextVectors(String model, String version, long[] keys, long[] hashes, int dimensions, float[] vectors) {
        this.model = model;
        this.version = version;
        this.keys = keys;
        this.hashes = hashes;
        this.dimensions = dimensions;
        this.vectors = vectors;
    }

    /** What {@link #encode} did: the vectors, and how many texts it encoded and how many it took from before. */
    public record Encoded(TextVectors vectors, int encoded, int reused) {
    }

    /** A key and how close its text is to a query (cosine similarity). */
    public record Match(long key, double similarity) {
    }

    /**
     * The vectors of {@code texts} (under {@code keys}, ascending) for a catalogue version: a text whose key and
     * hash {@code previous} holds, from the same model, keeps its vector; the others are encoded, a batch at a
     * time, reporting progress and stopping when cancelled.
     */
    public static Encoded encode(long[] keys, String[] texts, String version, TextEncoder encoder, TextVectors previous,
                                 JobContext context) {
        int n = keys.length;
        int d = encoder.dimensions();
        long[] hashes = new long[n];
        float[] vectors = new float[n * d];
        boolean sameModel = previous != null && previous.model.equals(encoder.model()) && previous.dimensions == d;
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes[i] = hash(texts[i]);
            int old = sameModel ? Arrays.binarySearch(previous.keys, keys[i]) : -1;
            if (old >= 0 && previous.hashes[old] == hashes[i]) {
                System.arraycopy(previous.vectors, old * d, vectors, i * d, d);
            } else {
                missing.add(i);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            context.checkCancelled();
            List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<String> batchTexts = new ArrayList<>(batch.size());
            for (int i : batch) {
                batchTexts.add(texts[i]);
            }
            float[][] encoded = encoder.encode(batchTexts);
            for (int b = 0; b < batch.size(); b++) {
                System.arraycopy(encoded[b], 0, vectors, batch.get(b) * d, d);
            }
            context.progress((double) (from + batch.size()) / missing.size(),
                    String.format(java.util.Locale.ROOT, "encoded %,d of %,d texts", from + batch.size(), missing.size()));
        }
        TextVectors out = new TextVectors(encoder.model(), version, keys.clone(), hashes, d, vectors);
        return new Encoded(out, missing.size(), n - missing.size());
    }

    /** The vectors stored in {@code folder}, if it holds any. */
    public static Optional<TextVectors> stored(Path folder) {
        return ColumnFolder.readCache(folder, f -> {
            String[] about = f.strings("about");
            return new TextVectors(about[0], about[1], f.longs("keys"), f.longs("hashes"), f.ints("dimensions")[0], f.floats("vectors"));
        });
    }

    public void save(Path folder) {
        try (ColumnFolderWriter w = new ColumnFolderWriter(folder)) {
            w.strings("about", new String[]{model, version});
            w.longs("keys", keys, keys.length);
            w.longs("hashes", hashes, hashes.length);
            w.ints("dimensions", new int[]{dimensions}, 1);
            w.floats("vectors", vectors, vectors.length);
            w.commit();
        }
    }

    /** The model that made the vectors. */
    public String model() {
        return model;
    }

    /** The catalogue version the vectors are for. */
    public String version() {
        return version;
    }

    public int size() {
        return keys.length;
    }

    /** The keys, ascending (a copy). */
    public long[] keys() {
        return keys.clone();
    }

    public int dimensions() {
        return dimensions;
    }

    /** The vector under {@code key} (a copy), if there is one. */
    public Optional<float[]> vector(long key) {
        int at = Arrays.binarySearch(keys, key);
        return at < 0 ? Optional.empty() : Optional.of(Arrays.copyOfRange(vectors, at * dimensions, (at + 1) * dimensions));
    }

    /** The vectors under {@code keys}, one row each (keys × dimensions; a zero row for a key it lacks). */
    public float[] rows(long[] keys) {
        float[] out = new float[keys.length * dimensions];
        for (int r = 0; r < keys.length; r++) {
            int at = Arrays.binarySearch(this.keys, keys[r]);
            if (at >= 0) {
                System.arraycopy(vectors, at * dimensions, out, r * dimensions, dimensions);
            }
        }
        return out;
    }

    /** The {@code k} keys whose vectors are closest to {@code query} (unit length), closest first. */
    public List<Match> nearest(float[] query, int k) {
        PriorityQueue<Match> best = new PriorityQueue<>(java.util.Comparator.comparingDouble(Match::similarity));
        for (int i = 0; i < keys.length; i++) {
            double s = Vectors.dot(query, vectors, i * dimensions);
            if (best.size() < k) {
                best.add(new Match(keys[i], s));
            } else if (s > best.peek().similarity()) {
                best.poll();
                best.add(new Match(keys[i], s));
            }
        }
        List<Match> out = new ArrayList<>(best);
        out.sort(java.util.Comparator.comparingDouble(Match::similarity).reversed());
        return out;
    }

    /** A 64-bit FNV-1a hash of the text's characters (null as empty): the key of a tag, the fingerprint of a title. */
    public static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        String s = text == null ? "" : text;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
