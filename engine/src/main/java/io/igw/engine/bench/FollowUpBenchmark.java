package io.igw.engine.bench;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.recommenders.Interactions;
import io.igw.engine.recommenders.Metrics;
import io.igw.engine.recommenders.ModelCatalog;
import io.igw.engine.recommenders.Recommender;
import io.igw.engine.recommenders.RecommenderTrainer;
import io.igw.engine.recommenders.Session;
import io.igw.engine.recommenders.Training;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Can a model see planted order? On generated data with follow-ups ({@code followups.csv}: after a purchase in leaf A,
 * one in leaf B within days), it takes the users whose last purchase is in a leaf A and is not their last action,
 * cuts each one's history right after that purchase, trains every model on the cut data (everyone else's in full),
 * and counts the share of those users whose next action's leaf is among the leaves of the model's top 3 items.
 */
public final class FollowUpBenchmark implements Job<Map<String, Object>> {
    static final int TOP = 3;

    private final Workspace workspace;
    private final Path followUps;
    private final List<String> models;
    private final long seed;
    private final int epochs;

    public FollowUpBenchmark(Workspace workspace, Path followUps, List<String> models, int epochs, long seed) {
        models.forEach(ModelCatalog::check);
        InvalidSetting.atLeast("epochs", epochs, 0);
        this.workspace = workspace;
        this.followUps = followUps;
        this.models = List.copyOf(models);
        this.epochs = epochs;
        this.seed = seed;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        Set<Long> planted = plantedLeaves(followUps);
        context.progress(0, "reading interactions");
        Interactions all = Interactions.toLearnFrom(workspace);
        CatalogLookup catalogue = CatalogLookup.load(workspace, false);
        long[] leafOf = new long[all.items()];
        for (int i = 0; i < all.items(); i++) {
            CatalogLookup.Item item = catalogue.item(all.itemId(i));
            leafOf[i] = item == null || item.categoryId() == null ? -1 : item.categoryId();
        }
        long[] cut = new long[all.users()];
        Arrays.fill(cut, Long.MAX_VALUE);
        List<Integer> users = new ArrayList<>();
        List<Integer> next = new ArrayList<>();
        for (int u = 0; u < all.users(); u++) {
            Session s = all.session(u);
            int last = -1;
            for (int p = 0; p < s.length(); p++) {
                if (s.kinds()[p] == Behaviour.BUY.code()) {
                    last = p;
                }
            }
            if (last >= 0 && last < s.length() - 1 && planted.contains(leafOf[s.items()[last]])) {
                cut[u] = s.times()[last];
                users.add(u);
                next.add(s.items()[last + 1]);
            }
        }
        if (users.isEmpty()) {
            throw new InvalidSetting("followups", "no user's last purchase is in a planted leaf: is this the generated data?");
        }
        Interactions train = all.upTo(cut, "cut after each measured user's last purchase in a planted leaf");
        Map<String, Object> shares = new LinkedHashMap<>();
        for (int m = 0; m < models.size(); m++) {
            String name = models.get(m);
            RecommenderTrainer<?> trainer = ModelCatalog.trainer(name, workspace);
            Recommender model = trainer.train(train, new Training(context.part((double) m / models.size(), 1.0 / models.size(), name + ": "),
                    seed, epochs, e -> {
                    }));
            int hits = 0;
            float[] scores = new float[all.items()];
            for (int n = 0; n < users.size(); n++) {
                Session history = train.session(users.get(n));
                model.score(history, scores);
                for (int i : history.items()) {
                    scores[i] = Float.NEGATIVE_INFINITY;
                }
                Set<Long> leaves = new HashSet<>();
                for (int i : Metrics.topK(scores, TOP)) {
                    leaves.add(leafOf[i]);
                }
                hits += leaves.contains(leafOf[next.get(n)]) ? 1 : 0;
            }
            shares.put(name, (double) hits / users.size());
        }
        context.progress(1, "done");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("users", users.size());
        out.put("top", TOP);
        out.put("next_leaf_in_top3", shares);
        out.put("planted_leaves", planted.size());
        return out;
    }

    private static Set<Long> plantedLeaves(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSetting("followups", "there is no file " + file + " (the generator writes followups.csv)");
        }
        Set<Long> out = new HashSet<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split(",");
            try {
                out.add(Long.parseLong(f[0].trim()));
            } catch (NumberFormatException e) {
                throw new InvalidSetting("followups", "'" + line + "' does not start with a leaf id");
            }
        }
        return out;
    }
}
