package io.igw.engine.targeting;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.activity.ActivityLog;
import io.igw.engine.activity.ItemFacets;
import io.igw.engine.activity.SessionCounts;
import io.igw.storage.catalog.UserAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Builds audiences over a workspace's behaviour log: every user is scored by the share of their sessions that
 * went to the targeted interests (see {@link AudienceScoring}), blended with their purchase propensity when a
 * prediction has been run, filtered by behaviour rules and demographics, and ranked. The audience is the top N, or
 * everyone at or above a threshold; the reach curve says how many users each threshold would keep. The session
 * counts over the whole log are computed once and reused by every build.
 */
public final class AudienceBuilder {
    /** The share of the score that purchase propensity takes when there is one, unless told otherwise. */
    public static final double PROPENSITY_WEIGHT = 0.2;
    static final int REACH_STEPS = 20;

    /** A user in the audience: their score and the interests behind it. */
    public record Member(long userId, double score, String reason) {
    }

    /** How many users a threshold keeps. */
    public record ReachPoint(double threshold, int size) {
    }

    /**
     * An audience: its members best first, how many users scored at all ({@code eligible}) out of everyone in the
     * log, the reach curve, and the time it was scored as of.
     */
    public record Audience(AudienceSpec spec, List<Member> members, int eligible, int totalUsers,
                           List<ReachPoint> reach, long asOf) {
        public int size() {
            return members.size();
        }
    }

    private final ActivityLog log;
    private final UserAttributes people;
    private final Propensity propensity;
    private double propensityWeight = PROPENSITY_WEIGHT;
    private SessionCounts everything;

    /** @param propensity purchase propensities from the latest prediction, or null */
    public AudienceBuilder(ActivityLog log, UserAttributes people, Propensity propensity) {
        this.log = log;
        this.people = people;
        this.propensity = propensity;
    }

    public ActivityLog log() {
        return log;
    }

    /** Sets the share of the score that purchase propensity takes (0: interest alone; 1: propensity alone). */
    public AudienceBuilder propensityWeight(double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new InvalidSetting("propensity_weight", "must be between 0 and 1, not " + weight);
        }
        this.propensityWeight = weight;
        return this;
    }

    public Propensity propensity() {
        return propensity;
    }

    /** The audience over the whole log. */
    public Audience build(AudienceSpec spec) {
        return build(spec, counts(), log.lastTime(), propensity);
    }

    /** How many users touched each leaf category (the item's own category), keyed {@code category:ID}. */
    public Map<String, Integer> usersPerCategory() {
        SessionCounts c = counts();
        boolean[] leaf = new boolean[log.facets().count()];
        for (int e = 0; e < log.events(); e++) {
            int f = log.facets().category(log.item(e));
            if (f >= 0) {
                leaf[f] = true;
            }
        }
        Map<String, Integer> out = new java.util.HashMap<>();
        for (int u = 0; u < c.users(); u++) {
            for (int k = c.rowStart(u); k < c.rowEnd(u); k++) {
                if (leaf[c.facet(k)]) {
                    out.merge(log.facets().key(c.facet(k)), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    /** Session counts over the whole log, computed on first use. */
    SessionCounts counts() {
        if (everything == null) {
            everything = SessionCounts.of(log, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        return everything;
    }

    /** The audience as it would have been scored from {@code counts}, with behaviour rules as of {@code asOf}. */
    Audience build(AudienceSpec spec, SessionCounts counts, long asOf, Propensity withPropensity) {
        ItemFacets facets = log.facets();
        boolean[] include = facetsOf(spec.include(), facets);
        boolean[] exclude = facetsOf(spec.exclude(), facets);
        for (Target t : spec.exclude()) {
            if (spec.include().contains(t)) {
                throw new IllegalArgumentException(t + " is both targeted and excluded.");
            }
        }
        IntPredicate allowed = spec.rules().isEmpty() && spec.who().isAnyone() ? null : u -> {
            for (BehaviourRule r : spec.rules()) {
                if (!r.holds(log, u, asOf)) {
                    return false;
                }
            }
            return spec.who().keeps(people.of(log.userId(u)));
        };
        float[] p = withPropensity == null ? null : withPropensity.bySlot(log);
        java.util.function.IntToDoubleFunction union = spec.include().size() < 2 ? null
                : u -> SessionCounts.weightOfAny(log, u, include, Long.MIN_VALUE, asOf + 1);
        AudienceScoring.Ranked ranked = AudienceScoring.rank(counts, include, exclude, allowed, union, p, propensityWeight);
        int keep = spec.size() != null ? Math.min(spec.size(), ranked.size())
                : spec.threshold() != null ? ranked.atLeast(spec.threshold()) : ranked.size();
        List<Member> members = new ArrayList<>(keep);
        for (int k = 0; k < keep; k++) {
            int u = ranked.users()[k];
            members.add(new Member(log.userId(u), ranked.scores()[k], reason(counts, u, spec, p, include, asOf)));
        }
        List<ReachPoint> reach = new ArrayList<>();
        for (int step = 0; step <= REACH_STEPS; step++) {
            double t = (double) step / REACH_STEPS;
            reach.add(new ReachPoint(t, ranked.atLeast(t)));
        }
        return new Audience(spec, List.copyOf(members), ranked.size(), log.users(), List.copyOf(reach), asOf);
    }

    private String reason(SessionCounts counts, int u, AudienceSpec spec, float[] p, boolean[] include, long asOf) {
        StringBuilder why = new StringBuilder();
        int sessions = counts.sessions(u);
        if (spec.include().size() > 1) {
            why.append("any target: ").append(share(SessionCounts.weightOfAny(log, u, include, Long.MIN_VALUE, asOf + 1), sessions));
        }
        for (Target t : spec.include()) {
            float w = counts.weightOf(u, log.facets().find(t.key()));
            if (w > 0) {
                why.append(why.length() == 0 ? "" : "; ").append(log.facets().label(log.facets().find(t.key()))).append(": ")
                        .append(share(w, sessions));
            }
        }
        for (BehaviourRule r : spec.rules()) {
            why.append("; ").append(r);
        }
        if (!spec.who().isAnyone()) {
            why.append("; ").append(spec.who());
        }
        if (p != null && !Float.isNaN(p[u])) {
            why.append(String.format(Locale.ROOT, "; purchase propensity %.0f%%", 100 * p[u]));
        }
        return why.toString();
    }

    /** "80% of 10 sessions". */
    private static String share(float weight, int sessions) {
        return String.format(Locale.ROOT, "%.0f%% of %d %s", 100.0 * weight / sessions, sessions, sessions == 1 ? "session" : "sessions");
    }

    private static boolean[] facetsOf(List<Target> targets, ItemFacets facets) {
        boolean[] out = new boolean[facets.count()];
        for (Target t : targets) {
            int f = facets.find(t.key());
            if (f < 0) {
                throw new IllegalArgumentException("No event in this workspace touches " + t
                        + ": check the id or name (categories and items by id, brands and tags by name).");
            }
            out[f] = true;
        }
        return out;
    }
}
