package io.igw.engine.prediction;

import io.igw.engine.activity.ActivityLog;
import io.igw.storage.Behaviour;
import java.util.Locale;

/** What is predicted for each user over the next days: that they stop coming (churn) or that they buy (purchase). */
public enum Outcome {
    CHURN("no activity"), PURCHASE("a purchase");

    private final String means;

    Outcome(String means) {
        this.means = means;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "no activity in the next 7 days". */
    public String describe(int days) {
        return means + " in the next " + days + (days == 1 ? " day" : " days");
    }

    public static Outcome parse(String text) {
        for (Outcome o : values()) {
            if (o.label().equalsIgnoreCase(text.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an outcome the workbench predicts: use churn or purchase.");
    }

    /** Whether the user's events in {@code [from, to)} make the outcome happen. */
    boolean happened(ActivityLog log, int user, long from, long to) {
        return happened(log, user, -1, from, to);
    }

    /** The same, counting only events on items of category facet {@code category} (all events when it is -1). */
    boolean happened(ActivityLog log, int user, int category, long from, long to) {
        for (int e = log.firstAtOrAfter(user, from); e < log.end(user) && log.time(e) < to; e++) {
            if (category >= 0 && log.facets().category(log.item(e)) != category) {
                continue;
            }
            if (this == CHURN) {
                return false; // any activity at all: still here
            }
            if (log.behaviour(e) == Behaviour.BUY.code()) {
                return true;
            }
        }
        return this == CHURN;
    }
}
