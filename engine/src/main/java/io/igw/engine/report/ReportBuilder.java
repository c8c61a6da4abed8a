package io.igw.engine.report;

import io.igw.engine.activity.ActivityLog;
import io.igw.engine.explore.CommunityOverview;
import io.igw.engine.explore.ForceLayout;
import io.igw.engine.explore.Subgraph;
import io.igw.engine.graph.InterestCommunities;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.prediction.SavedPredictions;
import io.igw.engine.report.ReportContent.Bars;
import io.igw.engine.report.ReportContent.GraphPicture;
import io.igw.engine.report.ReportContent.Lines;
import io.igw.engine.report.ReportContent.Paragraph;
import io.igw.engine.report.ReportContent.Part;
import io.igw.engine.report.ReportContent.Series;
import io.igw.engine.report.ReportContent.Table;
import io.igw.engine.rules.AssociationRules;
import io.igw.engine.rules.RuleLabels;
import io.igw.engine.rules.RuleMining;
import io.igw.engine.targeting.AudienceBuilder;
import io.igw.engine.targeting.AudienceSpec;
import io.igw.engine.targeting.ExpectedLift;
import io.igw.engine.targeting.Overlap;
import io.igw.engine.targeting.Target;
import io.igw.engine.targeting.TargetingData;
import io.igw.engine.task.Job;
import io.igw.engine.titles.AdCreatives;
import io.igw.engine.titles.WriteCreatives;
import io.igw.engine.task.JobContext;
import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.datasets.DatasetInfo;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.graph.GraphBuild;
import io.igw.engine.graph.GraphKind;
import io.igw.storage.graph.GraphStore;
import io.igw.engine.graph.Interest;
import io.igw.engine.graph.InterestGraph;
import io.igw.storage.models.EvaluationStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers what a report says from the workspace, section by section (the job behind {@code igw report} and the
 * Reports screen): the datasets with their funnel and daily activity; the latest interest graph's communities, top
 * interests and a drawing of the communities; the newest model comparison; audience previews (the campaigns given,
 * else the three categories most users are interested in) with their reach, overlap and expected lift; the latest
 * churn and purchase predictions (as last run: a report never trains a model itself); and the strongest rules.
 */
public final class ReportBuilder implements Job<ReportContent> {
    static final int TOP = 10;
    static final int RULES = 20;

    private final Workspace workspace;
    private final List<ReportSection> sections;
    private final List<AudienceSpec> audiences;
    /** The behaviour log, read once for the audiences and predictions sections. */
    private ActivityLog log;

    /** @param audiences the campaigns to preview; empty for the three categories most users are interested in */
    public ReportBuilder(Workspace workspace, List<ReportSection> sections, List<AudienceSpec> audiences) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one section for the report.");
        }
        if (audiences.size() > Overlap.MAX_AUDIENCES) {
            throw new IllegalArgumentException("A report previews at most " + Overlap.MAX_AUDIENCES + " audiences.");
        }
        this.workspace = workspace;
        this.sections = List.copyOf(sections);
        this.audiences = List.copyOf(audiences);
    }

    @Override
    public ReportContent run(JobContext context) throws Exception {
        if (new DatasetStore(workspace).completeIds(io.igw.storage.datasets.DatasetKind.EVENTS).isEmpty()) {
            throw new IllegalArgumentException("The workspace has no events yet: import a behaviour log before reporting on it.");
        }
        List<ReportContent.Section> out = new ArrayList<>();
        for (int k = 0; k < sections.size(); k++) {
            context.checkCancelled();
            ReportSection s = sections.get(k);
            context.progress((double) k / sections.size(), s.title());
            List<Part> parts = switch (s) {
                case DATASETS -> datasets();
                case GRAPH -> graph(context);
                case MODELS -> models();
                case AUDIENCES -> audiences(context);
                case CREATIVES -> creatives(context.part((double) k / sections.size(), 1.0 / sections.size(), ""));
                case PREDICTIONS -> predictions(context);
                case RULES -> rules(context);
            };
            out.add(new ReportContent.Section(s, s.title(), List.copyOf(parts)));
        }
        context.progress(1, out.size() + " sections");
        return new ReportContent("Interest Graph Workbench report", workspace.folder().toAbsolutePath().toString(),
                Instant.now(), List.copyOf(out));
    }

    private List<Part> datasets() {
        io.igw.storage.stats.WorkspaceStats stats = new io.igw.storage.stats.WorkspaceStats(workspace);
        Map<String, Long> counts = stats.tableCounts();
        long[] range = stats.timeRange();
        List<Part> parts = new ArrayList<>();
        parts.add(new Paragraph(String.format(Locale.ROOT, "%,d events from %,d users on %,d items, %s to %s.",
                counts.get("events"), counts.get("users"), counts.get("items"), day(range[0]), day(range[1]))));
        List<List<String>> rows = new ArrayList<>();
        for (DatasetInfo d : new DatasetStore(workspace).list()) {
            rows.add(List.of(String.valueOf(d.id()), d.kind().label(), d.name(), d.format(),
                    d.totals() == null ? "" : String.valueOf(d.totals().read()),
                    d.totals() == null ? "" : String.valueOf(d.totals().imported()),
                    d.totals() == null ? "" : String.valueOf(d.totals().duplicates()),
                    d.totals() == null ? "" : String.valueOf(d.totals().rejected())));
        }
        parts.add(new Table("datasets", "Imported datasets", List.of("#", "kind", "file", "format", "read", "imported",
                "duplicates", "rejected"), rows));
        Map<Behaviour, Long> funnel = stats.behaviourCounts(null);
        List<String> labels = new ArrayList<>();
        double[] values = new double[funnel.size()];
        int i = 0;
        for (Map.Entry<Behaviour, Long> e : funnel.entrySet()) {
            labels.add(e.getKey().label());
            values[i++] = e.getValue();
        }
        parts.add(new Bars("Behaviour funnel", "events", labels, List.of(new Series("events", null, values))));
        Map<LocalDate, Long> perDay = stats.eventsPerDay(null);
        double[] x = new double[perDay.size()];
        double[] y = new double[perDay.size()];
        i = 0;
        for (Map.Entry<LocalDate, Long> e : perDay.entrySet()) {
            x[i] = e.getKey().toEpochDay() * 86_400_000.0; // milliseconds: the writers draw dates
            y[i++] = e.getValue();
        }
        parts.add(new Lines("Events per day", "day", "events", List.of(new Series("events", x, y))));
        return parts;
    }

    private List<Part> graph(JobContext context) throws Exception {
        GraphStore store = new GraphStore(workspace);
        java.util.Optional<GraphBuild> latest = store.latest();
        if (latest.isEmpty()) {
            return List.of(new Paragraph("No interest graph has been built yet: build one in the Graph screen or from the command line."));
        }
        GraphBuild build = latest.get();
        InterestGraph graph = InterestGraph.open(workspace, build);
        List<Part> parts = new ArrayList<>();
        InterestCommunities.Result communities = new InterestCommunities(workspace).run(context);
        parts.add(new Paragraph(String.format(Locale.ROOT, "Graph build %d (%,d events, built %s): %,d users in %d interest "
                        + "communities, modularity %.3f.", build.id(), build.events(), day(build.builtAt().getEpochSecond()),
                communities.users(), communities.communities().size(), communities.modularity())));
        List<List<String>> rows = new ArrayList<>();
        for (InterestCommunities.Community c : communities.communities().subList(0, Math.min(TOP, communities.communities().size()))) {
            rows.add(List.of(String.valueOf(c.id()), String.valueOf(c.users()), labels(c.categories()), labels(c.tags())));
        }
        parts.add(new Table("communities", "The largest interest communities", List.of("community", "users", "top categories",
                "top tags"), rows));
        Map<String, double[]> byCategory = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (long user : graph.users()) {
            for (Interest i : graph.interests(user, GraphKind.CATEGORY)) {
                double[] a = byCategory.computeIfAbsent(i.target(), t -> new double[2]);
                a[0]++;
                a[1] += i.score();
                names.putIfAbsent(i.target(), i.label());
            }
        }
        int users = Math.max(1, graph.users().length);
        List<Map.Entry<String, double[]>> top = new ArrayList<>(byCategory.entrySet());
        top.sort((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]));
        List<List<String>> interestRows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : top.subList(0, Math.min(TOP, top.size()))) {
            interestRows.add(List.of(names.get(e.getKey()) + " (" + e.getKey() + ")", String.format(Locale.ROOT, "%.0f", e.getValue()[0]),
                    String.format(Locale.ROOT, "%.1f%%", 100 * e.getValue()[1] / users)));
        }
        parts.add(new Table("top_interests", "Top category interests", List.of("category", "users interested",
                "share of all users' category interest"), interestRows));
        Subgraph overview = CommunityOverview.of(communities);
        if (!overview.isEmpty()) {
            ForceLayout layout = new ForceLayout(overview, 1);
            layout.step(layout.suggestedIterations((long) overview.nodes().size() * overview.nodes().size()));
            double[] xy = layout.positions();
            List<ReportContent.Node> nodes = new ArrayList<>();
            for (int n = 0; n < overview.nodes().size(); n++) {
                Subgraph.Node node = overview.nodes().get(n);
                nodes.add(new ReportContent.Node(node.label(), xy[2 * n], xy[2 * n + 1], node.score(), node.community()));
            }
            List<int[]> edges = new ArrayList<>();
            overview.edges().forEach(e -> edges.add(new int[]{e.from(), e.to()}));
            parts.add(new GraphPicture("Interest communities and the categories they share", nodes, edges));
        }
        return parts;
    }

    private static String labels(List<InterestCommunities.Label> labels) {
        return String.join(", ", labels.stream().limit(3).map(InterestCommunities.Label::label).toList());
    }

    private List<Part> models() {
        List<EvaluationStore.Stored> stored = new EvaluationStore(workspace).list();
        if (stored.isEmpty()) {
            return List.of(new Paragraph("No model has been evaluated yet: train or evaluate models in the Models screen or from the command line."));
        }
        String protocol = stored.get(0).protocol();
        Map<String, EvaluationStore.Stored> newest = new LinkedHashMap<>();
        stored.stream().filter(s -> s.protocol().equals(protocol)).forEach(s -> newest.putIfAbsent(s.model(), s));
        int k = stored.get(0).k();
        List<String> metrics = List.of("recall@" + k, "ndcg@" + k, "precision@" + k, "hr@" + k, "mrr@" + k, "coverage@" + k);
        List<List<String>> rows = new ArrayList<>();
        double[] recall = new double[newest.size()];
        double[] ndcg = new double[newest.size()];
        int i = 0;
        for (EvaluationStore.Stored s : newest.values()) {
            List<String> row = new ArrayList<>(List.of(s.model()));
            for (String m : metrics) {
                Double v = s.mean().get(m);
                row.add(v == null ? "" : String.format(Locale.ROOT, "%.4f", v));
            }
            row.add(String.format(Locale.ROOT, "%.1f", s.trainSeconds()));
            rows.add(row);
            recall[i] = s.mean().getOrDefault("recall@" + k, 0.0);
            ndcg[i++] = s.mean().getOrDefault("ndcg@" + k, 0.0);
        }
        List<String> headers = new ArrayList<>(List.of("model"));
        headers.addAll(metrics);
        headers.add("train s");
        return List.of(new Paragraph("Newest result of each model under " + protocol + "."),
                new Table("models", "Model comparison", headers, rows),
                new Bars("Recall and NDCG at " + k, "value", List.copyOf(newest.keySet()),
                        List.of(new Series("recall@" + k, null, recall), new Series("ndcg@" + k, null, ndcg))));
    }

    private AudienceBuilder targeting;

    private AudienceBuilder targeting() {
        if (targeting == null) {
            targeting = new TargetingData(workspace, log()).run(JobContext.quiet());
        }
        return targeting;
    }

    private List<Part> audiences(JobContext context) throws Exception {
        AudienceBuilder builder = targeting();
        List<AudienceSpec> specs = audiences.isEmpty() ? largestCategories(builder) : audiences;
        List<Part> parts = new ArrayList<>();
        parts.add(new Paragraph(audiences.isEmpty()
                ? "Previews of the three categories most users are interested in, everyone scoring at least 0.2."
                : "Previews of the campaigns chosen for this report."));
        List<List<String>> rows = new ArrayList<>();
        List<Series> reach = new ArrayList<>();
        List<List<AudienceBuilder.Member>> members = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (AudienceSpec spec : specs) {
            context.checkCancelled();
            AudienceBuilder.Audience a = builder.build(spec);
            String name = String.join(", ", spec.include().stream().map(t -> label(builder, t)).toList());
            ExpectedLift.Result lift = a.size() == 0 ? null
                    : ExpectedLift.measure(builder, spec, a.size(), ExpectedLift.DEFAULT_HOLDOUT_DAYS, 1);
            rows.add(List.of(name, String.valueOf(a.size()), String.valueOf(a.eligible()),
                    lift == null || Double.isNaN(lift.lift()) ? "" : String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", lift.lift(),
                            lift.low(), lift.high()),
                    lift == null ? "" : lift.audienceConversions() + " of " + lift.audienceSize() + " against "
                            + lift.randomConversions() + " of " + lift.randomSize()));
            double[] x = a.reach().stream().mapToDouble(AudienceBuilder.ReachPoint::threshold).toArray();
            double[] y = a.reach().stream().mapToDouble(AudienceBuilder.ReachPoint::size).toArray();
            reach.add(new Series(name, x, y));
            members.add(a.members());
            names.add(name);
        }
        parts.add(new Table("audiences", "Audiences", List.of("audience", "users", "with any interest",
                "expected lift (95% CI)", "conversions in the held-out week"), rows));
        parts.add(new Lines("Reach by score threshold", "score threshold", "users reached", reach));
        if (specs.size() > 1) {
            List<List<String>> overlap = new ArrayList<>();
            for (Overlap.Pair p : Overlap.of(members)) {
                overlap.add(List.of(names.get(p.a()), names.get(p.b()), String.valueOf(p.both()),
                        String.format(Locale.ROOT, "%.0f%%", 100 * p.shareOfA()), String.format(Locale.ROOT, "%.0f%%", 100 * p.shareOfB()),
                        String.format(Locale.ROOT, "%.3f", p.jaccard())));
            }
            parts.add(new Table("overlap", "Overlap", List.of("audience A", "audience B", "in both", "share of A", "share of B",
                    "Jaccard"), overlap));
        }
        return parts;
    }

    /**
     * Each audience's creatives (those of the audiences section: the campaigns given, or the three largest
     * categories), written by the stored title generator; without one, a line saying how to train it, since a report
     * does not train models.
     */
    private List<Part> creatives(JobContext context) {
        if (!WriteCreatives.hasStoredGenerator(workspace)) {
            return List.of(new Paragraph("No title generator is stored in this workspace yet, so no creatives were written. "
                    + "Suggest titles for an item (the Graph Explorer) or write creatives for an audience (the Targeting "
                    + "screen's Creatives tab) once to train one, then report again."));
        }
        AudienceBuilder builder = targeting();
        List<AudienceSpec> specs = audiences.isEmpty() ? largestCategories(builder) : audiences;
        List<WriteCreatives.Result> written = new WriteCreatives(workspace, builder, specs, CREATIVES_PER_AUDIENCE, false,
                WriteCreatives.WhenNoGenerator.FAIL, 1).run(context);
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> interests = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            String name = String.join(", ", specs.get(k).include().stream().map(t -> label(builder, t)).toList());
            AdCreatives.Result r = written.get(k).creatives();
            int rank = 1;
            for (AdCreatives.Creative c : r.creatives()) {
                rows.add(List.of(name, String.valueOf(rank++), c.headline(), c.copy(), c.itemTitle(),
                        String.format(Locale.ROOT, "%.1f%%", 100 * c.predictedConversion()),
                        String.format(Locale.ROOT, "%+.1f%%", 100 * c.predictedUplift()), r.clickModel()));
            }
            for (AdCreatives.Interest i : r.interests()) {
                interests.add(List.of(name, i.label(), String.format(Locale.ROOT, "%.1f%%", 100 * i.share()),
                        String.format(Locale.ROOT, "%.1f×", i.lift())));
            }
        }
        return List.of(new Paragraph("Ad creatives for each audience, best first: the headline is written by the title "
                        + "generator for one of the audience's best-suited items (its brand and product noun kept, nothing "
                        + "invented), the copy names that item's words that convert best for the audience, and both are ranked "
                        + "by a click model fitted on the audience's own views and carts (\"audience\"), or the shop-wide one "
                        + "where the audience carted too little (\"everyone\")."),
                new Table("creatives", "Creatives", List.of("audience", "rank", "headline", "copy", "item",
                        "predicted carts per view", "predicted uplift of the headline", "click model"), rows),
                new Table("creative_interests", "What each audience is into", List.of("audience", "interest",
                        "share of its actions", "over everyone's share"), interests));
    }

    private static final int CREATIVES_PER_AUDIENCE = 3;

    /** The three leaf categories most users' sessions touched, at threshold 0.2. */
    private static List<AudienceSpec> largestCategories(AudienceBuilder builder) {
        Map<String, Integer> users = builder.usersPerCategory();
        List<Map.Entry<String, Integer>> top = new ArrayList<>(users.entrySet());
        top.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : b.getValue() - a.getValue());
        List<AudienceSpec> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : top.subList(0, Math.min(3, top.size()))) {
            out.add(AudienceSpec.of(List.of(Target.parse(e.getKey(), "audience"))).withThreshold(0.2));
        }
        return out;
    }

    private static String label(AudienceBuilder builder, Target t) {
        int f = builder.log().facets().find(t.key());
        return f < 0 ? t.toString() : builder.log().facets().label(f);
    }

    private List<Part> predictions(JobContext context) throws Exception {
        List<Part> parts = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Series> gains = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            SavedPredictions.latest(workspace, o).ifPresent(s -> {
                rows.add(row(o, s.horizonDays(), s.testAuc(), s.testPrAuc(), s.liftTopDecile(), s.baselineAuc(), s.baselinePrAuc()));
                gains.add(gain(o.label() + " (model)", s.gain()));
                gains.add(gain(o.label() + " (baseline)", s.baselineGain()));
            });
        }
        if (rows.isEmpty()) {
            // decision: a report shows what was run and never trains a model on its own; it says what is missing
            return List.of(new Paragraph("No churn or purchase prediction has been run yet: run one in the Predictions "
                    + "screen or from the command line, then make the report again."));
        }
        parts.add(new Table("predictions", "Predictions, tested on the last window of the log", List.of("outcome", "days ahead",
                "AUC", "PR-AUC", "top-decile lift", "baseline AUC", "baseline PR-AUC"), rows));
        parts.add(new Lines("Cumulative gain", "share of users, best scored first", "share of positives found", gains));
        return parts;
    }

    private ActivityLog log() {
        if (log == null) {
            log = ActivityLog.load(workspace);
        }
        return log;
    }

    private static List<String> row(Outcome o, int days, double auc, double prAuc, double lift, double baseAuc, double basePr) {
        return List.of(o.label(), String.valueOf(days), String.format(Locale.ROOT, "%.3f", auc), String.format(Locale.ROOT, "%.3f", prAuc),
                String.format(Locale.ROOT, "%.2f", lift), String.format(Locale.ROOT, "%.3f", baseAuc),
                String.format(Locale.ROOT, "%.3f", basePr));
    }
    private static Series gain(String name, float[] g) {
        double[] x = new double[g.length + 1];
        double[] y = new double[g.length + 1];
        for (int d = 0; d < g.length; d++) {
            x[d + 1] = (d + 1) / (double) g.length;
            y[d + 1] = g[d];
        }
        return new Series(name, x, y);
    }

    private List<Part> rules(JobContext context) throws Exception {
        RuleMining.Result r = new RuleMining(workspace, 0.001, 0.1, 3).run(context);
        CatalogLookup catalog = CatalogLookup.load(workspace);
        List<List<String>> rows = new ArrayList<>();
        for (AssociationRules.Rule rule : r.rules().subList(0, Math.min(RULES, r.rules().size()))) {
            rows.add(List.of(RuleLabels.side(r.baskets().itemIds(rule.antecedent()), r.level(), catalog),
                    RuleLabels.side(r.baskets().itemIds(rule.consequent()), r.level(), catalog),
                    String.format(Locale.ROOT, "%.4f", rule.support()), String.format(Locale.ROOT, "%.3f", rule.confidence()),
                    String.format(Locale.ROOT, "%.1f", rule.lift())));
        }
        return List.of(new Paragraph(String.format(Locale.ROOT, "%,d rules from %,d baskets (%s; support at least 0.001, "
                        + "confidence at least 0.1, up to 3 items); the %d with the strongest lift:", r.rules().size(),
                        r.baskets().baskets().length, r.baskets().purchasesOnly() ? "purchases per session" : "events per session",
                        rows.size())),
                new Table("rules", "Strongest association rules", List.of("if bought", "then also", "support", "confidence", "lift"), rows));
    }

    private static String day(long epochSecond) {
        return java.time.Instant.ofEpochSecond(epochSecond).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }
}
