package io.igw.engine.graph;

import io.igw.engine.graph.GraphKind;
import io.igw.engine.graph.Interest;
import io.igw.engine.graph.InterestGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How interests moved between two builds (snapshots) of the graph. Per user: the change in each interest's share.
 * Overall: the change in each interest's share of all users' attention (the mean of its per-user share over the
 * users present in both builds), so a category that everyone drifts towards rises even if nobody's top interest
 * changes.
 */
public final class InterestDrift {
    /** One interest's share before and after. */
    public record Change(String kind, String id, String label, double before, double after) {
        public double change() {
            return after - before;
        }
    }

    private final InterestGraph before;
    private final InterestGraph after;

    public InterestDrift(InterestGraph before, InterestGraph after) {
        this.before = before;
        this.after = after;
    }

    /** A user's interests of one kind that changed, largest rise first, largest fall last. */
    public List<Change> forUser(long user, GraphKind kind) {
        Map<String, Change> changes = new HashMap<>();
        for (Interest i : before.interests(user, kind)) {
            changes.put(i.target(), new Change(i.kind(), i.target(), i.label(), i.score(), 0));
        }
        for (Interest i : after.interests(user, kind)) {
            Change was = changes.get(i.target());
            changes.put(i.target(), new Change(i.kind(), i.target(), i.label(), was == null ? 0 : was.before(), i.score()));
        }
        return sorted(changes);
    }

    /** Every interest of one kind across the users both builds hold, largest rise first, largest fall last. */
    public List<Change> overall(GraphKind kind) {
        Map<String, double[]> sums = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        long common = 0;
        for (long user : after.users()) {
            if (!before.hasUser(user)) {
                continue;
            }
            common++;
            for (Interest i : before.interests(user, kind)) {
                sums.computeIfAbsent(i.target(), k -> new double[2])[0] += i.score();
                labels.putIfAbsent(i.target(), i.label());
            }
            for (Interest i : after.interests(user, kind)) {
                sums.computeIfAbsent(i.target(), k -> new double[2])[1] += i.score();
                labels.put(i.target(), i.label());
            }
        }
        Map<String, Change> changes = new HashMap<>();
        double n = Math.max(1, common);
        sums.forEach((id, s) -> changes.put(id, new Change(kind.label(), id, labels.get(id), s[0] / n, s[1] / n)));
        return sorted(changes);
    }

    private static List<Change> sorted(Map<String, Change> changes) {
        List<Change> list = new ArrayList<>();
        for (Change c : changes.values()) {
            if (Math.abs(c.change()) > 1e-6) {
                list.add(c);
            }
        }
        list.sort(Comparator.comparingDouble(Change::change).reversed().thenComparing(Change::id));
        return list;
    }
}
