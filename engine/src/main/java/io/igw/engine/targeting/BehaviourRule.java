package io.igw.engine.targeting;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.activity.ActivityLog;
import io.igw.storage.Behaviour;
import java.util.Locale;

/** "Did (or did not) buy in the last 30 days": a behaviour, a window in days before the as-of time, and which way. */
public record BehaviourRule(boolean did, Behaviour behaviour, int days) {
    public BehaviourRule {
        if (days < 1) {
            throw new IllegalArgumentException("a behaviour rule's window must be at least 1 day, not " + days);
        }
    }

    /** Parses {@code buy:30} (for {@code --did} or {@code --did-not}). */
    public static BehaviourRule parse(String spec, boolean did) {
        String option = did ? "did" : "did_not";
        String[] parts = spec.split(":");
        if (parts.length != 2) {
            throw new InvalidSetting(option, "'" + spec + "' must be behaviour:days, e.g. buy:30 or view:7");
        }
        Behaviour b;
        try {
            b = Behaviour.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(option, "'" + spec + "': the behaviour must be view, fav, cart, buy or rate");
        }
        int days;
        try {
            days = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new InvalidSetting(option, "'" + spec + "': the days must be a whole number");
        }
        if (days < 1) {
            throw new InvalidSetting(option, "'" + spec + "': the window must be at least 1 day");
        }
        return new BehaviourRule(did, b, days);
    }

    /** Whether the user's events up to {@code asOf} satisfy the rule. */
    boolean holds(ActivityLog log, int user, long asOf) {
        long from = asOf - days * 86_400L;
        boolean seen = false;
        for (int e = log.firstAtOrAfter(user, from + 1); e < log.end(user) && log.time(e) <= asOf; e++) {
            if (log.behaviour(e) == behaviour.code()) {
                seen = true;
                break;
            }
        }
        return seen == did;
    }

    @Override
    public String toString() {
        return (did ? "did " : "did not ") + behaviour.label() + " in the last " + days + " days";
    }
}
