package io.igw.app.ui.recommend;

import io.igw.app.ui.kit.ScreenWork;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.recommenders.Recommendations;
import io.igw.engine.recommenders.StoredModel;
import io.igw.engine.task.Job;
import io.igw.storage.Workspace;
import io.igw.engine.graph.GraphKind;
import io.igw.storage.graph.GraphStore;
import io.igw.engine.graph.Interest;
import io.igw.engine.graph.InterestGraph;
import io.igw.engine.recommenders.ModelRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Recommendations screen without its pixels: a user, two stored models to compare; the user's interest profile
 * from the latest graph build beside each model's top N, every item with its explanation. Loading models and
 * scoring run in the background; loaded models are kept for the next user. Tested without the GUI.
 */
public final class RecommendationsViewModel {
    public static final int TOP_N = 10;

    /** One recommended item as shown: rank, title, score and why. */
    public record Row(int rank, long itemId, String title, double score, String because) {
    }

    /** A stored model as the choosers list it. */
    public record Choice(int id, String model, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public final StringProperty user = new SimpleStringProperty("");
    public final ObservableList<Choice> choices = FXCollections.observableArrayList();
    public final ObjectProperty<Choice> left = new SimpleObjectProperty<>();
    public final ObjectProperty<Choice> right = new SimpleObjectProperty<>();
    public final ObservableList<Row> leftRows = FXCollections.observableArrayList();
    public final ObservableList<Row> rightRows = FXCollections.observableArrayList();
    /** The user's strongest interests (label → share), strongest first. */
    public final ObjectProperty<Map<String, Double>> profile = new SimpleObjectProperty<>(Map.of());
    public final StringProperty status;
    public final BooleanProperty busy;
    /** "Simulate a session": an anonymous session scored by the left model. */
    public final SimulatedSession session;

    private final Workspace workspace;
    private final ScreenWork work;
    private final Map<Integer, StoredModel> loaded = new HashMap<>();
    /** Titles come from the catalogue, read once and kept until the registry is refreshed. */
    private volatile Recommendations recommendations;

    public RecommendationsViewModel(Workspace workspace, UiTasks tasks) {
        this.workspace = workspace;
        this.work = new ScreenWork(tasks);
        this.status = work.status;
        this.busy = work.running;
        this.session = new SimulatedSession(this, tasks);
        refresh();
    }

    /** Re-reads the registry; keeps the chosen models when they are still there, else picks the two newest. */
    public void refresh() {
        recommendations = null;
        work.latest("read the registry", ctx -> new ModelRegistry(workspace).list().stream()
                .map(m -> new Choice(m.id(), m.model(), m.model() + " · model " + m.id())).toList(), this::choose);
    }

    private void choose(List<Choice> now) {
        Choice l = left.get();
        Choice r = right.get();
        choices.setAll(now);
        left.set(now.contains(l) ? l : now.isEmpty() ? null : now.get(0));
        boolean keepRight = now.contains(r) && (!r.equals(left.get()) || now.size() < 2);
        right.set(keepRight ? r : now.stream().filter(c -> !c.equals(left.get())).findFirst().orElse(left.get()));
        if (now.isEmpty()) {
            status.set("No model is stored yet: train one in the Models screen (or igw train), then pick a user here.");
        } else if (status.get().startsWith("No model is stored yet")) {
            status.set("Type a user id and press Show.");
        }
    }

    /** Shows the user's profile and both models' top N. */
    public void show() {
        String text = user.get() == null ? "" : user.get().trim();
        long userId;
        try {
            userId = Long.parseLong(text);
        } catch (NumberFormatException e) {
            status.set("A user is named by their id, a whole number: '" + text + "' is not one.");
            return;
        }
        if (left.get() == null) {
            refresh();
            return;
        }
        Choice l = left.get();
        Choice r = right.get() == null ? l : right.get();
        Recommendations titled = titled();   // reads the catalogue on first use, in the job
        Job<Shown> job = context -> {
            context.progress(0, "Scoring user " + userId + "…");
            return new Shown(profileOf(userId), rows(titled, l, userId), rows(titled, r, userId));
        };
        work.start("recommend", job, shown -> {
            profile.set(shown.profile());
            leftRows.setAll(shown.left());
            rightRows.setAll(shown.right());
            status.set(String.format(Locale.ROOT, "User %d: %s beside %s.", userId, l.label(), r.label()));
        }, failure -> {
            leftRows.clear();
            rightRows.clear();
            profile.set(Map.of());
        });
    }

    private record Shown(Map<String, Double> profile, List<Row> left, List<Row> right) {
    }

    /** The chosen model, loaded once and kept (call from a background job: it reads the registry's files). */
    StoredModel loaded(Choice choice) {
        synchronized (loaded) {
            return loaded.computeIfAbsent(choice.id(), id -> StoredModel.load(workspace, id, null));
        }
    }

    /** The titled recommendations, made on first use (they read the catalogue when first asked for a title). */
    Recommendations titled() {
        if (recommendations == null) {
            recommendations = new Recommendations(workspace);
        }
        return recommendations;
    }

    private List<Row> rows(Recommendations titled, Choice choice, long userId) {
        StoredModel model = loaded(choice);
        List<Row> out = new ArrayList<>();
        int rank = 1;
        for (Recommendations.Recommended r : titled.forUser(model, userId, TOP_N)) {
            out.add(new Row(rank++, r.itemId(), r.title(), r.score(), explain(r.because())));
        }
        return out;
    }

    /**
     * The reasons in words: "you have Star Wars, Alien", "your interest in category:Drama", "chosen by 583 users";
     * an order-aware model's say what was done and when: "you carted Tent yesterday".
     */
    static String explain(List<Recommendations.Because> because) {
        return explain(because, java.time.Instant.now().getEpochSecond());
    }

    static String explain(List<Recommendations.Because> because, long now) {
        List<String> actions = because.stream().filter(b -> b.kind().equals("item") && b.behaviour() != null)
                .map(b -> "you " + done(b.behaviour()) + " " + b.label() + (b.time() == null ? "" : " " + when(b.time(), now)))
                .toList();
        if (!actions.isEmpty()) {
            return "because " + String.join(", ", actions);
        }
        List<String> items = because.stream().filter(b -> b.kind().equals("item")).map(Recommendations.Because::label).toList();
        List<String> interests = because.stream().filter(b -> b.kind().equals("interest")).map(Recommendations.Because::label).toList();
        List<String> parts = new ArrayList<>();
        if (!items.isEmpty()) {
            parts.add("you have " + String.join(", ", items));
        }
        if (!interests.isEmpty()) {
            parts.add("your interest in " + String.join(", ", interests));
        }
        because.stream().filter(b -> b.kind().equals("popular")).forEach(b -> parts.add(b.label()));
        return parts.isEmpty() ? "no single reason stands out" : String.join("; ", parts);
    }

    private static String done(String behaviour) {
        return switch (behaviour) {
            case "view" -> "viewed";
            case "fav" -> "favourited";
            case "cart" -> "carted";
            case "buy" -> "bought";
            case "rate" -> "rated";
            default -> behaviour;
        };
    }

    /** "just now", "5 minutes ago", "today", "yesterday", "3 days ago", else the date. */
    static String when(long time, long now) {
        long ago = now - time;
        if (ago < 0) {
            return "on " + java.time.LocalDate.ofEpochDay(Math.floorDiv(time, 86_400L));
        }
        if (ago < 90) {
            return "just now";
        }
        if (ago < 3600) {
            return (ago + 30) / 60 + " minutes ago";
        }
        long days = Math.floorDiv(now, 86_400L) - Math.floorDiv(time, 86_400L);
        return days == 0 ? "today" : days == 1 ? "yesterday" : days < 8 ? days + " days ago"
                : "on " + java.time.LocalDate.ofEpochDay(Math.floorDiv(time, 86_400L));
    }

    private Map<String, Double> profileOf(long userId) {
        GraphStore store = new GraphStore(workspace);
        Optional<io.igw.storage.graph.GraphBuild> build = store.latest();
        if (build.isEmpty()) {
            return Map.of();
        }
        InterestGraph graph = InterestGraph.open(workspace, build.get());
        if (!graph.hasUser(userId)) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (GraphKind kind : List.of(GraphKind.CATEGORY, GraphKind.TAG, GraphKind.BRAND)) {
            List<Interest> top = graph.interests(userId, kind).stream().limit(kind == GraphKind.CATEGORY ? 6 : 3).toList();
            for (Interest i : top) {
                out.put(switch (kind) {
                    case TAG -> "#" + i.label();
                    default -> i.label();
                }, i.score());
            }
        }
        return out.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
