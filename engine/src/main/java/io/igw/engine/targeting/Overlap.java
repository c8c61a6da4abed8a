package io.igw.engine.targeting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How up to five audiences overlap: for each pair, the users in both, each one's share of that, and Jaccard. */
public final class Overlap {
    public static final int MAX_AUDIENCES = 5;

    /** Audiences {@code a} and {@code b} (by position): in both, both's share of a and of b, Jaccard. */
    public record Pair(int a, int b, int both, double shareOfA, double shareOfB, double jaccard) {
    }

    private Overlap() {
    }

    public static List<Pair> of(List<List<AudienceBuilder.Member>> audiences) {
        if (audiences.size() > MAX_AUDIENCES) {
            throw new IllegalArgumentException("Overlap compares at most " + MAX_AUDIENCES + " audiences, not " + audiences.size() + ".");
        }
        List<Set<Long>> sets = new ArrayList<>();
        for (List<AudienceBuilder.Member> members : audiences) {
            Set<Long> ids = new HashSet<>();
            members.forEach(m -> ids.add(m.userId()));
            sets.add(ids);
        }
        List<Pair> out = new ArrayList<>();
        for (int a = 0; a < sets.size(); a++) {
            for (int b = a + 1; b < sets.size(); b++) {
                Set<Long> small = sets.get(a).size() <= sets.get(b).size() ? sets.get(a) : sets.get(b);
                Set<Long> large = small == sets.get(a) ? sets.get(b) : sets.get(a);
                int both = (int) small.stream().filter(large::contains).count();
                int union = sets.get(a).size() + sets.get(b).size() - both;
                out.add(new Pair(a, b, both, share(both, sets.get(a).size()), share(both, sets.get(b).size()), share(both, union)));
            }
        }
        return out;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
