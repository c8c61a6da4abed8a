package io.igw.engine.targeting;

import io.igw.engine.errors.InvalidSetting;
import java.util.List;

/**
 * A campaign's audience as the marketer describes it: interests to include and exclude, behaviour rules,
 * demographics, and how many to keep (the top {@code size}, or everyone scoring at least {@code threshold}, or
 * everyone with a score).
 */
public record AudienceSpec(List<Target> include, List<Target> exclude, List<BehaviourRule> rules, Demographics who,
                           Integer size, Double threshold) {
    public AudienceSpec {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        rules = List.copyOf(rules);
        if (include.isEmpty()) {
            throw new InvalidSetting("target", "needs at least one interest, e.g. category:302");
        }
        if (size != null && threshold != null) {
            throw InvalidSetting.conflict("size", "threshold");
        }
        if (size != null && size < 1) {
            throw new InvalidSetting("size", "must be at least 1, not " + size);
        }
        if (threshold != null && (threshold < 0 || threshold > 1 || Double.isNaN(threshold))) {
            throw new InvalidSetting("threshold", "must be a score between 0 and 1, not " + threshold);
        }
    }

    public static AudienceSpec of(List<Target> include) {
        return new AudienceSpec(include, List.of(), List.of(), Demographics.ANYONE, null, null);
    }

    public AudienceSpec withSize(Integer n) {
        return new AudienceSpec(include, exclude, rules, who, n, null);
    }

    public AudienceSpec withThreshold(Double t) {
        return new AudienceSpec(include, exclude, rules, who, null, t);
    }
}
