package io.igw.app.ui.recommend;

import io.igw.app.ui.kit.ScreenWork;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.recommenders.Recommendations;
import io.igw.engine.recommenders.StoredModel;
import io.igw.storage.Behaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Simulate a session" without its pixels: an anonymous shopper's actions, one at a time (an item found by id or
 * title, or one of the list's own suggestions, with a behaviour), and the chosen model's next-item list for the
 * session so far, recomputed after every action without retraining. Uses the Recommendations screen's left model.
 */
public final class SimulatedSession {
    static final int FOUND = 12;

    /** One action of the session as shown. */
    public record Action(long itemId, String title, Behaviour behaviour) {
        @Override
        public String toString() {
            return title + " (" + behaviour.label() + ")";
        }
    }

    public final ObservableList<Action> actions = FXCollections.observableArrayList();
    public final ObjectProperty<Behaviour> behaviour = new SimpleObjectProperty<>(Behaviour.VIEW);
    public final StringProperty search = new SimpleStringProperty("");
    public final ObservableList<Recommendations.Found> found = FXCollections.observableArrayList();
    public final ObservableList<RecommendationsViewModel.Row> next = FXCollections.observableArrayList();
    public final StringProperty status;
    public final BooleanProperty busy;

    private final RecommendationsViewModel screen;
    private final ScreenWork work;

    public SimulatedSession(RecommendationsViewModel screen, UiTasks tasks) {
        this.screen = screen;
        this.work = new ScreenWork(tasks);
        this.status = work.status;
        this.busy = work.reading;
        status.set("Find an item by its id or title and add it: the next-item list follows the session as it grows.");
    }

    /** Finds items of the chosen model by the search text (in the background; the latest search wins). */
    public void find() {
        RecommendationsViewModel.Choice choice = screen.left.get();
        String text = search.get() == null ? "" : search.get().trim();
        if (choice == null) {
            status.set("No model is stored yet: train one in the Models screen first.");
            return;
        }
        if (text.isEmpty()) {
            found.clear();
            return;
        }
        work.latest("find items", ctx -> screen.titled().findItems(screen.loaded(choice), text, FOUND), hits -> {
            found.setAll(hits);
            if (hits.isEmpty()) {
                status.set("No item of " + choice.label() + " has the id or a title with '" + text + "'.");
            }
        });
    }

    /** Adds the item, acted on with the chosen behaviour, and recomputes the next items. */
    public void add(long itemId, String title) {
        actions.add(new Action(itemId, title, behaviour.get() == null ? Behaviour.VIEW : behaviour.get()));
        recompute();
    }

    /** Takes the last action back. */
    public void undo() {
        if (!actions.isEmpty()) {
            actions.remove(actions.size() - 1);
            recompute();
        }
    }

    public void clear() {
        actions.clear();
        next.clear();
        status.set("A new session: add an item to start it.");
    }

    /** The session's next items from the chosen model; the latest session wins when actions come quickly. */
    public void recompute() {
        RecommendationsViewModel.Choice choice = screen.left.get();
        if (choice == null) {
            status.set("No model is stored yet: train one in the Models screen first.");
            return;
        }
        if (actions.isEmpty()) {
            next.clear();
            return;
        }
        List<Action> session = List.copyOf(actions);
        long[] ids = session.stream().mapToLong(Action::itemId).toArray();
        Behaviour[] behaviours = session.stream().map(Action::behaviour).toArray(Behaviour[]::new);
        Recommendations titled = screen.titled();
        work.latest("score the session", ctx -> {
            StoredModel model = screen.loaded(choice);
            List<RecommendationsViewModel.Row> rows = new ArrayList<>();
            int rank = 1;
            for (Recommendations.Recommended r : titled.forSession(model, ids, behaviours, RecommendationsViewModel.TOP_N)) {
                rows.add(new RecommendationsViewModel.Row(rank++, r.itemId(), r.title(), r.score(),
                        RecommendationsViewModel.explain(r.because())));
            }
            return rows;
        }, rows -> {
            next.setAll(rows);
            status.set(String.format(Locale.ROOT, "%d action%s: %s's next items.", session.size(),
                    session.size() == 1 ? "" : "s", choice.label()));
        });
    }
}
