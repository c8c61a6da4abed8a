package io.igw.engine.targeting;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.activity.ActivityLog;
import io.igw.engine.activity.SessionCounts;
import io.igw.engine.recommenders.UserVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Expands a seed audience with the users most like it: the centre of the seed's user vectors, and everyone else
 * ranked by cosine similarity to it, keeping {@code percent} (1–10) of all users. Vectors are the ones a model
 * learned (autoencoder, else DeepWalk) when one has been trained, else each user's interest profile: their share of
 * sessions in each category, brand and tag.
 */
public final class Lookalikes {
    public static final double MIN_PERCENT = 1;
    public static final double MAX_PERCENT = 10;

    /** The lookalikes (the seed excluded), best first, and which vectors found them. */
    public record Result(String source, int seedSize, double percent, List<AudienceBuilder.Member> members) {
    }

    private Lookalikes() {
    }

    public static Result expand(AudienceBuilder builder, AudienceBuilder.Audience seed, double percent, UserVectors learned) {
        if (!(percent >= MIN_PERCENT && percent <= MAX_PERCENT)) {
            throw new InvalidSetting("lookalike", String.format(Locale.ROOT,
                    "must be a percentage of all users from 1 to 10, not %s", percent));
        }
        if (seed.members().isEmpty()) {
            throw new IllegalArgumentException("The seed audience is empty: there is nobody to find lookalikes of.");
        }
        ActivityLog log = builder.log();
        float[][] vectors = learned != null ? byLogUser(log, learned) : interestProfiles(log, builder.counts());
        boolean[] inSeed = new boolean[log.users()];
        double[] centre = null;
        for (AudienceBuilder.Member m : seed.members()) {
            int u = log.userOf(m.userId());
            inSeed[u] = true;
            if (vectors[u] != null) {
                centre = centre == null ? new double[vectors[u].length] : centre;
                for (int d = 0; d < centre.length; d++) {
                    centre[d] += vectors[u][d];
                }
            }
        }
        if (centre == null) {
            throw new IllegalArgumentException("None of the seed's users has a vector in " + source(learned) + ".");
        }
        double norm = Math.sqrt(Arrays.stream(centre).map(x -> x * x).sum());
        int wanted = (int) Math.max(1, Math.round(percent / 100.0 * log.users()));
        float[] score = new float[log.users()];
        Integer[] candidates = new Integer[log.users()];
        int n = 0;
        for (int u = 0; u < log.users(); u++) {
            if (!inSeed[u] && vectors[u] != null) {
                score[u] = (float) (cosine(vectors[u], centre) / Math.max(norm, 1e-12));
                candidates[n++] = u;
            }
        }
        Integer[] ranked = Arrays.copyOf(candidates, n);
        Arrays.sort(ranked, (a, b) -> score[a] != score[b] ? Float.compare(score[b], score[a]) : Integer.compare(a, b));
        List<AudienceBuilder.Member> out = new ArrayList<>();
        for (int k = 0; k < Math.min(wanted, ranked.length); k++) {
            int u = ranked[k];
            out.add(new AudienceBuilder.Member(log.userId(u), score[u],
                    String.format(Locale.ROOT, "lookalike: %.2f similar to the seed (%s)", score[u], source(learned))));
        }
        return new Result(source(learned), seed.size(), percent, List.copyOf(out));
    }

    private static String source(UserVectors learned) {
        return learned == null ? "interest profiles" : learned.source();
    }

    private static double cosine(float[] v, double[] centre) {
        double dot = 0;
        double nv = 0;
        for (int d = 0; d < v.length; d++) {
            dot += v[d] * centre[d];
            nv += v[d] * v[d];
        }
        return nv == 0 ? 0 : dot / Math.sqrt(nv);
    }

    private static float[][] byLogUser(ActivityLog log, UserVectors learned) {
        float[][] out = new float[log.users()][];
        for (int k = 0; k < learned.userIds().length; k++) {
            int u = log.userOf(learned.userIds()[k]);
            if (u >= 0) {
                out[u] = learned.vectors()[k];
            }
        }
        return out;
    }

    /** Each user's share of sessions per category, brand and tag (items left out: too sparse to compare). */
    static float[][] interestProfiles(ActivityLog log, SessionCounts counts) {
        int facets = log.facets().count();
        int[] dimension = new int[facets];
        int dimensions = 0;
        for (int f = 0; f < facets; f++) {
            dimension[f] = log.facets().key(f).startsWith("item:") ? -1 : dimensions++;
        }
        float[][] out = new float[log.users()][];
        for (int u = 0; u < log.users(); u++) {
            if (counts.sessions(u) == 0) {
                continue;
            }
            float[] v = new float[dimensions];
            for (int k = counts.rowStart(u); k < counts.rowEnd(u); k++) {
                int d = dimension[counts.facet(k)];
                if (d >= 0) {
                    v[d] = counts.weight(k) / counts.sessions(u);
                }
            }
            out[u] = v;
        }
        return out;
    }
}
