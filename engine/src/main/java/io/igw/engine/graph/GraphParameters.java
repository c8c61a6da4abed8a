package io.igw.engine.graph;

import io.igw.engine.errors.InvalidSetting;
import io.igw.storage.Behaviour;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How interest is weighed: a weight per behaviour (a rating's weight is scaled by its stars out of five), an
 * exponential decay with the given half-life computed as of a time (null: the last event), how many items to keep
 * per user, and the share below which an edge is pruned.
 */
public record GraphParameters(Map<Behaviour, Double> behaviourWeights, double halfLifeDays, Long asOf,
                              int itemsPerUser, double minShare) {
    public GraphParameters {
        if (halfLifeDays <= 0) {
            throw new InvalidSetting("half_life_days", "must be positive, not " + halfLifeDays);
        }
        behaviourWeights = Map.copyOf(behaviourWeights);
    }

    public static GraphParameters defaults() {
        Map<Behaviour, Double> w = new EnumMap<>(Behaviour.class);
        w.put(Behaviour.VIEW, 1.0);
        w.put(Behaviour.FAV, 3.0);
        w.put(Behaviour.CART, 4.0);
        w.put(Behaviour.BUY, 6.0);
        w.put(Behaviour.RATE, 5.0);
        return new GraphParameters(w, 14, null, 50, 0.01);
    }

    public GraphParameters withHalfLife(double days) {
        return new GraphParameters(behaviourWeights, days, asOf, itemsPerUser, minShare);
    }

    public GraphParameters withAsOf(Long epochSeconds) {
        return new GraphParameters(behaviourWeights, halfLifeDays, epochSeconds, itemsPerUser, minShare);
    }

    /** Events of one user further apart than this start a new session (for item ↔ item co-occurrence). */
    public long sessionGapSeconds() {
        return 30 * 60;
    }

    /** The behaviour weights indexed by behaviour code, for the build's per-event loop. */
    public double[] weightsByCode() {
        double[] byCode = new double[Behaviour.values().length + 1];
        for (Behaviour b : Behaviour.values()) {
            byCode[b.code()] = behaviourWeights.getOrDefault(b, 1.0);
        }
        return byCode;
    }

    /** The weight of one event seen {@code ageSeconds} before the as-of time, given {@link #weightsByCode()}. */
    double weight(double[] byCode, byte behaviour, float strength, long ageSeconds) {
        double base = byCode[behaviour];
        if (behaviour == Behaviour.RATE.code() && !Float.isNaN(strength)) {
            base *= Math.max(0, strength) / 5.0;
        }
        return base * Math.pow(0.5, ageSeconds / (halfLifeDays * 86_400.0));
    }

    /** The parameters {@link #describe()} wrote (a build's record of how it was made); as of the last event. */
    public static GraphParameters parse(String described) {
        GraphParameters d = defaults();
        Map<Behaviour, Double> weights = new EnumMap<>(d.behaviourWeights());
        double halfLife = d.halfLifeDays();
        int items = d.itemsPerUser();
        double minShare = d.minShare();
        for (String part : described.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "half_life_days" -> halfLife = Double.parseDouble(value);
                case "items_per_user" -> items = Integer.parseInt(value);
                case "min_share" -> minShare = Double.parseDouble(value);
                default -> {
                    for (Behaviour b : Behaviour.values()) {
                        if (b.label().equals(key)) {
                            weights.put(b, Double.parseDouble(value));
                        }
                    }
                }
            }
        }
        return new GraphParameters(weights, halfLife, null, items, minShare);
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        behaviourWeights.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey().label()).append('=').append(e.getValue()).append(','));
        return sb + String.format(Locale.ROOT, "half_life_days=%s,items_per_user=%d,min_share=%s", halfLifeDays,
                itemsPerUser, minShare);
    }
}
