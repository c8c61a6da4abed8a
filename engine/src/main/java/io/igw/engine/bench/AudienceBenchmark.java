package io.igw.engine.bench;

import io.igw.engine.targeting.AudienceScoring;
import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.activity.SessionCounts;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Times scoring and ranking an audience for a top-level category over N users' session counts (synthetic: each
 * user has 1–4 of 60 leaf interests, a lognormal number of sessions, and per session a leaf, its parent, a brand and
 * three tags), against the obvious peer over the same rows: a stream of boxed (user, score) objects sorted with a
 * comparator. The median of five runs of each; both must rank the same users.
 */
public final class AudienceBenchmark implements Job<Map<String, Object>> {
    static final int LEAVES = 60;
    static final int TOPS = 10;
    static final int BRANDS = 300;
    static final int TAGS = 2000;
    private static final int RUNS = 5;

    private final int users;
    private final long seed;

    public AudienceBenchmark(long users, long seed) {
        if (users < 1 || users > 20_000_000) {
            throw new InvalidSetting("users", "must be between 1 and 20,000,000, not " + users);
        }
        this.users = (int) users;
        this.seed = seed;
    }

    @Override
    public Map<String, Object> run(JobContext context) {
        context.progress(0, "making " + users + " users' session counts");
        SessionCounts counts = synthetic(users, new SplittableRandom(seed));
        boolean[] include = new boolean[LEAVES + TOPS + BRANDS + TAGS];
        boolean[] exclude = new boolean[include.length];
        include[LEAVES] = true; // a top category: about a third of users score, so the ranking sorts many
        exclude[LEAVES + TOPS + 3] = true; // a brand
        double[] ours = new double[RUNS];
        double[] peer = new double[RUNS];
        AudienceScoring.Ranked ranked = null;
        List<int[]> peerRanked = null;
        double peakHeap;
        try (HeapPeak heap = new HeapPeak()) {
            for (int run = 0; run < RUNS; run++) {
                context.checkCancelled();
                context.progress(0.2 + 0.8 * run / RUNS, "run " + (run + 1) + " of " + RUNS);
                long t0 = System.nanoTime();
                ranked = AudienceScoring.rank(counts, include, exclude, null, null, 0);
                ours[run] = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                peerRanked = boxed(counts, include, exclude);
                peer[run] = (System.nanoTime() - t1) / 1e9;
            }
            peakHeap = heap.peakMb();
        }
        if (peerRanked.size() != ranked.size() || (ranked.size() > 0 && peerRanked.get(0)[0] != ranked.users()[0])) {
            throw new IllegalStateException("the peer ranked " + peerRanked.size() + " users, we ranked " + ranked.size());
        }
        long entries = counts.rowEnd(users - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("users", users);
        out.put("facet_entries", entries);
        out.put("audience_eligible", ranked.size());
        out.put("scoring_seconds_median", median(ours));
        out.put("scoring_seconds_runs", Arrays.stream(ours).boxed().toList());
        out.put("peer_seconds_median", median(peer));
        out.put("ratio", median(ours) / median(peer));
        out.put("peak_heap_mb", peakHeap);
        context.progress(1, "done");
        return out;
    }

    /** The peer: the same scores, as boxed objects in a stream, sorted by a comparator. */
    private static List<int[]> boxed(SessionCounts counts, boolean[] include, boolean[] exclude) {
        record Scored(int user, float score) {
        }
        List<Scored> scored = IntStream.range(0, counts.users()).mapToObj(u -> {
            float hits = 0;
            for (int k = counts.rowStart(u); k < counts.rowEnd(u); k++) {
                if (exclude[counts.facet(k)]) {
                    return null;
                }
                hits += include[counts.facet(k)] ? counts.weight(k) : 0;
            }
            return hits == 0 ? null : new Scored(u, Math.min(1f, hits / counts.sessions(u)));
        }).filter(java.util.Objects::nonNull).sorted(Comparator.comparingDouble((Scored s) -> -s.score())
                .thenComparingInt(Scored::user)).toList();
        List<int[]> out = new ArrayList<>(scored.size());
        scored.forEach(s -> out.add(new int[]{s.user()}));
        return out;
    }

    static SessionCounts synthetic(int n, SplittableRandom r) {
        int[] sessions = new int[n];
        int[] rowStart = new int[n + 1];
        int[] facet = new int[(int) Math.min(Integer.MAX_VALUE - 8, n * 48L)];
        float[] count = new float[facet.length];
        int size = 0;
        int width = LEAVES + TOPS + BRANDS + TAGS;
        float[] perUser = new float[width];
        int[] touched = new int[width];
        for (int u = 0; u < n; u++) {
            int k = 1 + r.nextInt(4);
            int[] interests = r.ints(k, 0, LEAVES).toArray();
            int s = (int) Math.max(1, Math.round(Math.exp(2.3 + 0.6 * r.nextGaussian())));
            sessions[u] = s;
            int t = 0;
            for (int session = 0; session < s; session++) {
                int leaf = r.nextDouble() < 0.1 ? r.nextInt(LEAVES) : interests[r.nextInt(k)];
                int[] facets = {leaf, LEAVES + leaf / 6, LEAVES + TOPS + (leaf * 5 + r.nextInt(5)),
                    LEAVES + TOPS + BRANDS + r.nextInt(TAGS), LEAVES + TOPS + BRANDS + r.nextInt(TAGS),
                    LEAVES + TOPS + BRANDS + r.nextInt(TAGS)};
                int[] distinct = Arrays.stream(facets).distinct().toArray();
                for (int f : distinct) {
                    if (perUser[f] == 0) {
                        touched[t++] = f;
                    }
                    perUser[f] += 1f; // every event of a synthetic session touches all its facets
                }
            }
            Arrays.sort(touched, 0, t);
            if (size + t > facet.length) {
                facet = Arrays.copyOf(facet, Math.max(size + t, facet.length + facet.length / 2));
                count = Arrays.copyOf(count, facet.length);
            }
            for (int j = 0; j < t; j++) {
                facet[size] = touched[j];
                count[size++] = perUser[touched[j]];
                perUser[touched[j]] = 0;
            }
            rowStart[u + 1] = size;
        }
        return SessionCounts.ofRows(sessions, rowStart, facet, count);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
