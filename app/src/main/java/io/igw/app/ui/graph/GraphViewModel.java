package io.igw.app.ui.graph;

import io.igw.app.ui.kit.ScreenWork;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.explore.CommunityOverview;
import io.igw.engine.explore.EgoNetwork;
import io.igw.engine.explore.ForceLayout;
import io.igw.engine.explore.Subgraph;
import io.igw.engine.graph.GraphBuildSummary;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestCommunities;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.engine.text.Bilingual;
import io.igw.engine.text.TextEncoder;
import io.igw.engine.text.TextSearch;
import io.igw.engine.titles.SuggestTitles;
import io.igw.engine.titles.TitleSuggester;
import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import io.igw.engine.graph.Evidence;
import io.igw.storage.graph.GraphBuild;
import io.igw.engine.graph.GraphKind;
import io.igw.storage.graph.GraphStore;
import io.igw.engine.graph.Interest;
import io.igw.engine.graph.InterestGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The Graph Explorer without its pixels: what to look for, how deep, from which weight and which kinds; the ego
 * network fetched in the background, the part of it that passes the filters, its layout (computed in the engine
 * off the FX thread and pushed as positions until frozen), the communities overview, and the details of the
 * clicked node. Tested without the GUI.
 */
public final class GraphViewModel {
    public static final List<String> KINDS = List.of("user", "category", "tag", "brand", "item");
    static final int MAX_NODES = 2000;
    private static final long LAYOUT_BUDGET = 400_000_000L;
    private static final int LAYOUT_CHUNK = 5;

    public final StringProperty query = new SimpleStringProperty("");
    public final IntegerProperty depth = new SimpleIntegerProperty(1);
    public final DoubleProperty threshold = new SimpleDoubleProperty(0);
    public final ObservableSet<String> kinds = FXCollections.observableSet(new java.util.LinkedHashSet<>(KINDS));
    public final BooleanProperty sizeByDegree = new SimpleBooleanProperty(false);
    public final BooleanProperty colourByCommunity = new SimpleBooleanProperty(false);
    public final BooleanProperty layoutFrozen = new SimpleBooleanProperty(false);

    public final ObjectProperty<Subgraph> visible = new SimpleObjectProperty<>(Subgraph.empty());
    public final ObjectProperty<double[]> positions = new SimpleObjectProperty<>(new double[0]);
    public final ObjectProperty<NodeDetails> selected = new SimpleObjectProperty<>();
    public final StringProperty status;
    /** Whether a build or a fetch is under way. */
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    public final BooleanProperty hasGraph = new SimpleBooleanProperty(false);
    /** Title suggestions for the selected item, best first, and the work that writes them (progress, cancel). */
    public final javafx.collections.ObservableList<TitleSuggester.Candidate> titleSuggestions = FXCollections.observableArrayList();
    public final ScreenWork titles;

    private final Workspace workspace;
    private final UiTasks tasks;
    private final ScreenWork work;
    private Subgraph fetched = Subgraph.empty();
    private Explorer explorer;
    private final io.igw.engine.recommenders.LikelyNext likelyNext;
    private final TextEncoder encoder;
    /** Candidates of each kind tried, closest first, when searching by meaning. */
    private static final int MEANING_CANDIDATES = 5;
    private UiTasks.Running layout;
    private long generation;

    public GraphViewModel(Workspace workspace, UiTasks tasks) {
        this(workspace, tasks, new Bilingual());
    }

    /** @param encoder the text model that reads searches no node's name matches */
    public GraphViewModel(Workspace workspace, UiTasks tasks, TextEncoder encoder) {
        this.encoder = encoder;
        this.workspace = workspace;
        this.likelyNext = new io.igw.engine.recommenders.LikelyNext(workspace);
        this.tasks = tasks;
        this.work = new ScreenWork(tasks);
        this.titles = new ScreenWork(tasks, "Title suggestions cancelled.");
        selected.addListener((o, a, b) -> {
            if (a == null || b == null || !a.key().equals(b.key())) {
                titleSuggestions.clear();
                if (!titles.running.get()) {
                    titles.status.set("");
                }
            }
        });
        this.status = work.status;
        busy.bind(work.running.or(work.reading));
        threshold.addListener((o, a, b) -> refilter());
        kinds.addListener((javafx.collections.SetChangeListener<String>) c -> refilter());
        layoutFrozen.addListener((o, a, frozen) -> {
            if (frozen) {
                stopLayout();
            } else {
                startLayout(visible.get());
            }
        });
    }

    /** The latest build, its reader and its communities, reopened when a newer build appears. */
    private record Explorer(GraphBuild build, InterestGraph graph, InterestCommunities.Result communities) {
    }

    private synchronized Explorer explorer() {
        Optional<GraphBuild> latest = new GraphStore(workspace).latest();
        if (latest.isEmpty()) {
            return null;
        }
        if (explorer == null || explorer.build().id() != latest.get().id()) {
            InterestCommunities.Result communities = new InterestCommunities(workspace).run(JobContext.quiet());
            explorer = new Explorer(latest.get(), InterestGraph.open(workspace, latest.get()), communities);
        }
        return explorer;
    }

    /** Checks whether the workspace has a graph yet. */
    public void refresh() {
        run("graph", ctx -> new GraphStore(workspace).latest().isPresent(), has -> {
            hasGraph.set(has);
            if (visible.get().isEmpty()) {
                status.set(has ? "Search a user id, an item id, a category, a tag or a brand." : "");
            }
        });
    }

    /** Builds the interest graph (for a workspace that has none yet). */
    public void buildGraph() {
        work.start("graph build", ctx -> InterestGraphBuilder.full(workspace, GraphParameters.defaults()).run(ctx),
                (GraphBuildSummary s) -> {
                    hasGraph.set(true);
                    status.set(String.format(Locale.ROOT, "Interest graph built from %,d events in %.1f s. Search a user, item, "
                            + "category, tag or brand.", s.events(), s.seconds()));
                });
    }

    /**
     * Finds what {@link #query} names and shows its neighbourhood: an id, or a name as spelt; failing that, what it
     * means — the tag, category, brand or item in the graph whose text the text model finds closest ("防水登山鞋",
     * "noise-cancelling headphones"), said in the status line with its similarity.
     */
    public void search() {
        String text = query.get();
        record Found(Subgraph graph, String note) {
        }
        run("explore", ctx -> {
            Explorer e = explorer();
            if (e == null) {
                throw new IllegalArgumentException("There is no interest graph yet: build it first.");
            }
            List<InterestGraph.Node> hits = e.graph().search(text, 1);
            String note = null;
            if (hits.isEmpty() && text != null && !text.isBlank()) {
                ctx.progress(0, "no node is called that: searching by meaning");
                Optional<MeaningHit> meant = byMeaning(e.graph(), text, ctx);
                if (meant.isPresent()) {
                    hits = List.of(meant.get().node());
                    note = String.format(Locale.ROOT, " — found by meaning: %s '%s', similarity %.2f",
                            meant.get().node().kind(), meant.get().node().label(), meant.get().similarity());
                }
            }
            if (hits.isEmpty()) {
                throw new IllegalArgumentException("Nothing in the graph matches '" + text.strip() + "'.");
            }
            InterestGraph.Node hit = hits.get(0);
            return new Found(new EgoNetwork(e.graph(), e.communities().membership()).around(hit.kind(), hit.id(), depth.get(),
                    MAX_NODES), note);
        }, found -> {
            showFetched(found.graph());
            if (found.note() != null) {
                status.set(status.get() + found.note());
            }
        });
    }

    private record MeaningHit(InterestGraph.Node node, double similarity) {
    }

    /** The node of the graph whose text is closest in meaning to {@code text}, among tags, categories, brands and items. */
    private Optional<MeaningHit> byMeaning(InterestGraph graph, String text, JobContext ctx) throws Exception {
        List<TextSearch.Hit> candidates = new ArrayList<>(new TextSearch(workspace, encoder, text,
                List.of(TextSearch.Kind.values()), MEANING_CANDIDATES).run(ctx).hits());
        candidates.sort(java.util.Comparator.comparingDouble(TextSearch.Hit::similarity).reversed());
        for (TextSearch.Hit c : candidates) {
            if (c.similarity() < encoder.relatedAbove(text)) {
                break;
            }
            String id = c.kind().equals("item") || c.kind().equals("category") ? Long.toString(c.id()) : c.label();
            for (InterestGraph.Node n : graph.search(c.kind().equals("item") ? id : c.label(), 20)) {
                if (n.kind().equals(c.kind()) && n.id().equals(id)) {
                    return Optional.of(new MeaningHit(n, c.similarity()));
                }
            }
        }
        return Optional.empty();
    }

    /** Re-centres on a node (a double-click). */
    public void centreOn(String key) {
        int colon = key.indexOf(':');
        if (colon < 0 || key.startsWith("community:") || key.startsWith("overview:")) {
            return;
        }
        String kind = key.substring(0, colon);
        String id = key.substring(colon + 1);
        query.set(kind.equals("user") || kind.equals("item") ? id : label(key));
        run("explore", ctx -> {
            Explorer e = explorer();
            return new EgoNetwork(e.graph(), e.communities().membership()).around(kind, id, depth.get(), MAX_NODES);
        }, this::showFetched);
    }

    /** One node per community, sized by its users. */
    public void showCommunities() {
        run("explore", ctx -> CommunityOverview.of(explorer().communities()), this::showFetched);
    }

    /** Loads the side panel's details of a clicked node. */
    public void select(String key) {
        run("details", ctx -> withLikelyNext(details(explorer(), key)), selected::set);
    }

    /** Shows a prepared subgraph (the filters and the layout apply as to any other). */
    public void show(Subgraph graph) {
        showFetched(graph);
    }

    private void showFetched(Subgraph graph) {
        fetched = graph;
        selected.set(null);
        refilter();
    }

    private void refilter() {
        Set<String> shownKinds = new java.util.HashSet<>(kinds);
        shownKinds.addAll(List.of("community", "overview"));  // the overview's nodes have no kind filter
        Subgraph shown = fetched.filter(threshold.get(), shownKinds);
        visible.set(shown);
        status.set(shown.isEmpty() ? status.get() : String.format(Locale.ROOT, "%d nodes, %d edges around %s",
                shown.nodes().size(), shown.edges().size(), shown.nodes().get(0).label()));
        if (!layoutFrozen.get()) {
            startLayout(shown);
        }
    }

    private void startLayout(Subgraph graph) {
        stopLayout();
        if (graph.isEmpty()) {
            positions.set(new double[0]);
            return;
        }
        long mine = ++generation;
        ForceLayout forces = new ForceLayout(graph, 7);
        int iterations = forces.suggestedIterations(LAYOUT_BUDGET);
        java.util.concurrent.atomic.AtomicReference<double[]> latest = new java.util.concurrent.atomic.AtomicReference<>();
        Job<double[]> job = ctx -> {
            while (forces.iteration() < iterations) {
                ctx.checkCancelled();
                forces.step(LAYOUT_CHUNK);
                // coalesced: the FX thread takes the newest positions when it gets to them, never a backlog
                if (latest.getAndSet(forces.positions()) == null) {
                    tasks.onUi(() -> {
                        double[] p = latest.getAndSet(null);
                        if (mine == generation && p != null) {
                            positions.set(p);
                        }
                    });
                }
            }
            return forces.positions();
        };
        layout = tasks.start("layout", job, new UiTasks.Outcome<>(p -> {
            if (mine == generation) {
                positions.set(p);
            }
        }, failure -> status.set("Layout failed: " + failure.getMessage()), () -> { }));
    }

    private void stopLayout() {
        if (layout != null && layout.activeProperty().get()) {
            layout.cancel();
        }
    }

    /** Whether a layout is still moving nodes. */
    public boolean layoutRunning() {
        return layout != null && layout.activeProperty().get();
    }

    private String label(String key) {
        return visible.get().nodes().stream().filter(n -> n.key().equals(key)).map(Subgraph.Node::label).findFirst()
                .orElse(key.substring(key.indexOf(':') + 1));
    }

    /**
     * Asks the title generator for new titles for the selected item (training and storing one first if the
     * workspace has none: minutes), ranked by the click model's predicted uplift.
     */
    public void suggestTitles() {
        NodeDetails d = selected.get();
        if (d == null || !d.key().startsWith("item:")) {
            titles.status.set("Select an item to suggest titles for.");
            return;
        }
        long item = Long.parseLong(d.key().substring(5));
        titles.start("titles", new SuggestTitles(workspace, item, TITLE_SUGGESTIONS, false, 1), s -> {
            if (selected.get() != null && selected.get().key().equals("item:" + s.item())) {
                titleSuggestions.setAll(s.candidates());
            }
            titles.status.set(s.candidates().isEmpty()
                    ? "The generator wrote nothing new that keeps this item's brand, noun and attributes."
                    : s.candidates().stream().allMatch(c -> c.predictedUplift() <= 0)
                    ? s.candidates().size() + " titles, best predicted uplift first: none is predicted to do better than the current title."
                    : s.candidates().size() + " titles, best predicted uplift first.");
        });
    }

    /** How many titles "Suggest titles" asks for. */
    static final int TITLE_SUGGESTIONS = 5;

    /** A user's details gain the sequence model's likely next categories, when one is stored. */
    private NodeDetails withLikelyNext(NodeDetails d) {
        if (!d.key().startsWith("user:")) {
            return d;
        }
        return likelyNext.of(Long.parseLong(d.key().substring(5)), 6)
                .map(r -> new NodeDetails(d.key(), d.title(), d.facts(), d.chartTitle(), d.shares(), d.evidence(),
                        "Likely next · " + r.source(), r.categories()))
                .orElse(d);
    }

    private static NodeDetails details(Explorer e, String key) {
        int colon = key.indexOf(':');
        String kind = key.substring(0, colon);
        String id = key.substring(colon + 1);
        InterestGraph g = e.graph();
        List<String> facts = new ArrayList<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        List<String> evidence = new ArrayList<>();
        Integer community = e.communities().membership().get(key);
        if (community != null) {
            facts.add("Community #" + community);
        }
        switch (kind) {
            case "user" -> {
                long user = Long.parseLong(id);
                List<Interest> all = g.interests(user, null);
                facts.add(String.format(Locale.ROOT, "%d interests: %d categories, %d tags, %d brands, %d items", all.size(),
                        count(all, "category"), count(all, "tag"), count(all, "brand"), count(all, "item")));
                all.stream().filter(i -> i.kind().equals("category")).limit(8).forEach(i -> shares.put(i.label(), i.score()));
                Map<String, List<Evidence>> behind = g.evidence(user);
                List<InterestGraph.Link> similar = g.similarUsers(user, 5);
                if (!similar.isEmpty()) {
                    facts.add("Most similar users: " + similar.stream().map(l -> String.format(Locale.ROOT, "%s (%.2f)",
                            l.id(), l.strength())).reduce((a, b) -> a + ", " + b).orElse(""));
                }
                all.stream().filter(i -> i.kind().equals("category")).limit(3).forEach(i -> {
                    for (Evidence ev : behind.getOrDefault("category:" + i.target(), List.of())) {
                        evidence.add(String.format(Locale.ROOT, "%s · %s %s on %s (weight %.2f)", i.label(),
                                Behaviour.ofCode(ev.behaviour()).label(), g.itemTitle(ev.itemId()),
                                Instant.ofEpochSecond(ev.eventTime()).toString().substring(0, 10), ev.weight()));
                    }
                });
                return new NodeDetails(key, "User " + id, facts, "Category interests", shares, evidence);
            }
            case "community", "overview" -> {
                return new NodeDetails(key, kind.equals("overview") ? "All users" : "Community #" + id, facts, "", shares, evidence);
            }
            default -> {
                GraphKind k = GraphKind.ofLabel(kind);
                List<Interest> users = g.interestedUsers(k, id, 8);
                String title = users.isEmpty() ? id : users.get(0).label();
                facts.add(kind + " " + id);
                users.forEach(i -> shares.put("user " + i.userId(), i.score()));
                if (k == GraphKind.ITEM) {
                    g.itemLinks(Long.parseLong(id)).stream().limit(5).forEach(l -> evidence.add(String.format(Locale.ROOT,
                            "seen with %s (lift %.1f)", l.label(), l.strength())));
                    title = g.itemTitle(Long.parseLong(id));
                } else if (k == GraphKind.CATEGORY) {
                    title = g.categoryLabel(Long.parseLong(id));
                } else if (k == GraphKind.TAG && g.tagForms(id).size() > 1) {
                    List<String> forms = g.tagForms(id);
                    title = forms.get(0);
                    facts.add("Concept of " + forms.size() + " tags that mean the same: " + String.join(", ", forms));
                }
                return new NodeDetails(key, title, facts, "Most interested users (share of their interest)", shares, evidence);
            }
        }
    }

    private static long count(List<Interest> all, String kind) {
        return all.stream().filter(i -> i.kind().equals(kind)).count();
    }

    /** A fetch for the view: latest only, so a newer search, selection or re-centring replaces an older one. */
    private <T> void run(String name, Job<T> job, java.util.function.Consumer<T> done) {
        work.latest(name, job, done);
    }


    /** Stops the layout; called when the workspace closes. */
    public void dispose() {
        generation++;
        stopLayout();
        work.cancel();
        titles.cancel();
    }
}
