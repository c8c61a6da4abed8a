package io.igw.engine.targeting;

import io.igw.engine.activity.ActivityLog;
import io.igw.engine.activity.ItemFacets;
import io.igw.engine.activity.SessionCounts;
import io.igw.storage.Behaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What targeting would have gained: the last {@code holdoutDays} of the log are held out, the audience is scored
 * from the events before them alone (same interests, rules and size), and its conversion rate in the held-out days
 * (buying something from a targeted interest; for logs without purchases, any event on one) is set against that of
 * as many users drawn at random from everyone active before. The lift's 95% interval is the usual one for a ratio of
 * two proportions (on the log scale, with half a conversion added to an empty cell).
 */
public final class ExpectedLift {
    public static final int DEFAULT_HOLDOUT_DAYS = 7;

    public record Result(double lift, double low, double high, int audienceSize, int audienceConversions,
                         int randomSize, int randomConversions, int holdoutDays, String conversion) {
        public double audienceRate() {
            return audienceSize == 0 ? 0 : (double) audienceConversions / audienceSize;
        }

        public double randomRate() {
            return randomSize == 0 ? 0 : (double) randomConversions / randomSize;
        }
    }

    private ExpectedLift() {
    }

    public static Result measure(AudienceBuilder builder, AudienceSpec spec, int audienceSize, int holdoutDays, long seed) {
        if (holdoutDays < 1) {
            throw new IllegalArgumentException("the held-out window must be at least 1 day, not " + holdoutDays);
        }
        ActivityLog log = builder.log();
        long last = log.lastTime();
        long cutoff = last - holdoutDays * 86_400L;
        if (cutoff <= log.firstTime()) {
            throw new IllegalArgumentException("The log covers less than " + holdoutDays + " days: nothing is left to score "
                    + "the audience from once they are held out.");
        }
        SessionCounts before = SessionCounts.of(log, Long.MIN_VALUE, cutoff);
        AudienceSpec sized = spec.size() != null || spec.threshold() != null ? spec : spec.withSize(Math.max(1, audienceSize));
        AudienceBuilder.Audience audience = builder.build(sized, before, cutoff - 1, null);
        boolean purchases = log.hasPurchases();
        boolean[] targeted = new boolean[log.facets().count()];
        for (Target t : spec.include()) {
            targeted[log.facets().find(t.key())] = true;
        }
        int converted = 0;
        for (AudienceBuilder.Member m : audience.members()) {
            converted += converts(log, log.userOf(m.userId()), cutoff, targeted, purchases) ? 1 : 0;
        }
        List<Integer> active = new ArrayList<>();
        for (int u = 0; u < log.users(); u++) {
            if (before.sessions(u) > 0) {
                active.add(u);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = Math.min(audience.size(), active.size());
        for (int k = 0; k < n; k++) { // partial Fisher-Yates: the first n are a uniform sample
            int j = k + random.nextInt(active.size() - k);
            Integer swap = active.get(k);
            active.set(k, active.get(j));
            active.set(j, swap);
        }
        int randomConverted = 0;
        for (int k = 0; k < n; k++) {
            randomConverted += converts(log, active.get(k), cutoff, targeted, purchases) ? 1 : 0;
        }
        return ratio(audience.size(), converted, n, randomConverted, holdoutDays, purchases ? "buy" : "any event");
    }

    static Result ratio(int na, int xa, int nr, int xr, int holdoutDays, String conversion) {
        if (na == 0 || nr == 0) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, na, xa, nr, xr, holdoutDays, conversion);
        }
        double a = xa == 0 || xr == 0 ? xa + 0.5 : xa;
        double r = xa == 0 || xr == 0 ? xr + 0.5 : xr;
        double pa = a / na;
        double pr = r / nr;
        double lift = pa / pr;
        double se = Math.sqrt(Math.max(0, 1 / a - 1.0 / na + 1 / r - 1.0 / nr));
        return new Result(lift, lift * Math.exp(-1.96 * se), lift * Math.exp(1.96 * se), na, xa, nr, xr, holdoutDays, conversion);
    }

    private static boolean converts(ActivityLog log, int u, long cutoff, boolean[] targeted, boolean purchases) {
        ItemFacets facets = log.facets();
        for (int e = log.firstAtOrAfter(u, cutoff); e < log.end(u); e++) {
            if (purchases && log.behaviour(e) != Behaviour.BUY.code()) {
                continue;
            }
            for (int f : facets.of(log.item(e))) {
                if (targeted[f]) {
                    return true;
                }
            }
        }
        return false;
    }
}
