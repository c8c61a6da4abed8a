package io.igw.app.ui.targeting;

import io.igw.app.ui.kit.Problems;
import io.igw.app.ui.kit.ScreenWork;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.activity.ItemFacets;
import io.igw.engine.targeting.AudienceBuilder;
import io.igw.engine.targeting.AudienceCsv;
import io.igw.engine.targeting.AudienceDescription;
import io.igw.engine.targeting.AudiencePreview;
import io.igw.engine.targeting.AudienceSpec;
import io.igw.engine.targeting.BehaviourRule;
import io.igw.engine.targeting.Demographics;
import io.igw.engine.targeting.ExpectedLift;
import io.igw.engine.targeting.Lookalikes;
import io.igw.engine.targeting.Overlap;
import io.igw.engine.targeting.Target;
import io.igw.engine.targeting.TargetingData;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.prediction.SavedPredictions;
import io.igw.engine.text.Bilingual;
import io.igw.engine.titles.AdCreatives;
import io.igw.engine.titles.CreativesCsv;
import io.igw.engine.titles.WriteCreatives;
import io.igw.engine.text.TextEncoder;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Targeting screen without its pixels: the campaign as typed (interests to include and exclude, behaviour rules,
 * demographics, top N or a threshold, lookalikes), the audience it gives (members with reasons, the reach curve,
 * the expected lift), the audiences kept for comparison and their overlap, and the export. The behaviour log is
 * read once in the background; each build after that takes a fraction of a second. Tested without the GUI.
 */
public final class TargetingViewModel {
    /** An interest to pick: its key ({@code category:301}) and what a person calls it. */
    public record Choice(String key, String label) {
        @Override
        public String toString() {
            String kind = key.substring(0, key.indexOf(':'));
            String name = label.startsWith(kind + " ") ? label.substring(kind.length() + 1) : label;
            return kind.equals("category") ? name + "  (category " + key.substring(kind.length() + 1) + ")" : name + "  (" + kind + ")";
        }
    }

    /** A user in the audience (or one of its lookalikes) with their score and reasons. */
    public record Row(long userId, double score, String reason, boolean lookalike) {
    }

    /**
     * An audience kept for comparing overlaps (and for reports): its name, campaign and members, and the creatives
     * written for it (empty if none were).
     */
    public record Kept(String name, AudienceSpec spec, List<AudienceBuilder.Member> members, List<AdCreatives.Creative> creatives) {
    }

    /**
     * A proposed target from the description: its key, what it is called, how close its name is to the description,
     * and whether it is among the targets (ticking and unticking adds it to and takes it from {@link #targets}).
     */
    public record Proposal(String key, String label, double similarity, BooleanProperty used) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s · %s · %.2f", label, key.substring(0, key.indexOf(':')), similarity);
        }
    }

    /** How many of the proposals are ticked when they arrive. */
    public static final int PROPOSALS_USED = 3;
    private static final int PROPOSALS_SHOWN = 8;

    public final StringProperty targets = new SimpleStringProperty("");
    /** Who the audience is, in words. */
    public final StringProperty description = new SimpleStringProperty("");
    public final ObservableList<Proposal> proposals = FXCollections.observableArrayList();
    public final StringProperty exclude = new SimpleStringProperty("");
    public final StringProperty did = new SimpleStringProperty("");
    public final StringProperty didNot = new SimpleStringProperty("");
    public final StringProperty age = new SimpleStringProperty("");
    public final StringProperty gender = new SimpleStringProperty("");
    public final StringProperty city = new SimpleStringProperty("");
    /** Keep the top {@link #size} users (else everyone at or above {@link #threshold}). */
    public final BooleanProperty bySize = new SimpleBooleanProperty(false);
    public final IntegerProperty size = new SimpleIntegerProperty(500);
    public final DoubleProperty threshold = new SimpleDoubleProperty(0.2);
    /** Lookalikes as a percentage of all users, 0 for none. */
    public final DoubleProperty lookalikePercent = new SimpleDoubleProperty(0);
    public final BooleanProperty hashIds = new SimpleBooleanProperty(true);
    /** The fewest people an export holds: smaller audiences are refused, as ad platforms refuse them. */
    public final IntegerProperty smallestExport = new SimpleIntegerProperty(AudienceCsv.DEFAULT_MINIMUM_SIZE);
    /** The share of the score purchase propensity takes, once purchases have been predicted (0 to 1). */
    public final DoubleProperty propensityWeight = new SimpleDoubleProperty(AudienceBuilder.PROPENSITY_WEIGHT);

    public final ScreenWork work;
    public final BooleanProperty ready = new SimpleBooleanProperty(false);
    public final ObservableList<Choice> choices = FXCollections.observableArrayList();
    public final ObservableList<Row> members = FXCollections.observableArrayList();
    public final ObservableList<double[]> reach = FXCollections.observableArrayList();
    public final IntegerProperty audienceSize = new SimpleIntegerProperty(-1);
    /** The lowest score in the audience (where its reach curve is cut). */
    public final DoubleProperty cutScore = new SimpleDoubleProperty(0);
    public final StringProperty summary = new SimpleStringProperty("");
    public final StringProperty lift = new SimpleStringProperty("");
    public final ObservableList<Kept> kept = FXCollections.observableArrayList();
    /** The creatives written for the audience shown, best first; cleared when another audience is built. */
    public final ObservableList<AdCreatives.Creative> creatives = FXCollections.observableArrayList();
    /** What the audience is into and which click model ranked its creatives. */
    public final StringProperty creativesSummary = new SimpleStringProperty("");
    /** Writing creatives (minutes when the title generator is trained first): its own progress and cancel. */
    public final ScreenWork creativeWork;

    private final Workspace workspace;
    private AudienceBuilder builder;
    private final TextEncoder encoder;
    private String loadedVersion;
    private AudienceBuilder.Audience audience;
    private List<AudienceBuilder.Member> lookalikes = List.of();
    /** What the audience shown was previewed with: an export previews it again, into the file. */
    private AudiencePreview.Request shownRequest;

    public TargetingViewModel(Workspace workspace, UiTasks tasks) {
        this(workspace, tasks, new Bilingual());
    }

    /** @param encoder the text model that reads descriptions */
    public TargetingViewModel(Workspace workspace, UiTasks tasks, TextEncoder encoder) {
        this.workspace = workspace;
        this.work = new ScreenWork(tasks);
        this.creativeWork = new ScreenWork(tasks, "Writing creatives cancelled.");
        this.encoder = encoder;
    }

    /** Reads the behaviour log unless it was read already and neither the data nor the purchase prediction changed since. */
    public void refresh() {
        work.latest("check the data version", ctx -> version(), now -> {
            if (!now.equals(loadedVersion) && !work.running.get()) {
                loadedVersion = now;
                load();
            }
        });
    }

    private String version() {
        return new DatasetStore(workspace).completeIds(DatasetKind.EVENTS) + " "
                + SavedPredictions.latest(workspace, Outcome.PURCHASE).map(s -> s.userIds().length + "/" + s.testAuc()).orElse("");
    }

    /** Reads the behaviour log in the background. */
    public void load() {
        ready.set(false);
        TargetingData reading = new TargetingData(workspace);
        record Read(AudienceBuilder builder, String version) {
        }
        work.start("read behaviour for targeting", ctx -> {
            String version = version();
            return new Read(reading.run(ctx), version);
        }, read -> {
            AudienceBuilder b = read.builder();
            loadedVersion = read.version();
            builder = b;
            ready.set(true);
            choices.setAll(choicesOf(b.log().facets()));
            work.status.set(String.format(Locale.ROOT, "%,d users and %,d events read%s. Pick interests and build an audience.",
                    b.log().users(), b.log().events(), b.propensity() == null ? ""
                            : "; scores blend in purchase propensity (" + b.propensity().source() + ")"));
        });
    }

    /** Categories and brands, by name: what a marketer targets most. */
    private static List<Choice> choicesOf(ItemFacets facets) {
        List<Choice> out = new ArrayList<>();
        for (int f = 0; f < facets.count(); f++) {
            String key = facets.key(f);
            if (key.startsWith("category:") || key.startsWith("brand:")) {
                out.add(new Choice(key, facets.label(f)));
            }
        }
        out.sort(Comparator.comparing((Choice c) -> !c.key().startsWith("category:"))
                .thenComparing(Choice::label, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /**
     * Proposes targets for the description in the background (the text model loads on the first description): the
     * closest categories, tags and brands, the first {@value #PROPOSALS_USED} ticked and added to the targets.
     */
    public void describe() {
        AudienceDescription job;
        try {
            job = new AudienceDescription(workspace, encoder, description.get(), PROPOSALS_SHOWN);
        } catch (IllegalArgumentException e) {
            work.status.set(Problems.describe(e));
            return;
        }
        proposals.forEach(p -> p.used().set(false));
        work.start("propose targets", job, result -> {
            List<Proposal> out = new ArrayList<>();
            for (AudienceDescription.Proposal p : result.proposals()) {
                Proposal shown = new Proposal(p.target().toString(), p.label(), p.similarity(), new SimpleBooleanProperty(false));
                shown.used().addListener((o, was, now) -> use(shown.key(), now));
                out.add(shown);
            }
            proposals.setAll(out);
            out.stream().limit(PROPOSALS_USED).forEach(p -> p.used().set(true));
            work.status.set(out.isEmpty() ? "Nothing in the catalogue has a name to match the description."
                    : String.format(Locale.ROOT, "%d targets proposed by %s; the closest %d are in the targets. Tick, untick "
                    + "or edit them, then build.", out.size(), result.model(), Math.min(PROPOSALS_USED, out.size())));
        });
    }

    private void use(String key, boolean used) {
        List<String> now = split(targets.get());
        if (used && !now.contains(key)) {
            now.add(key);
        } else if (!used) {
            now.remove(key);
        }
        targets.set(String.join(", ", now));
    }

    /** Adds an interest to the targets. */
    public void add(Choice choice) {
        if (choice == null) {
            return;
        }
        List<String> now = split(targets.get());
        if (!now.contains(choice.key())) {
            now.add(choice.key());
        }
        targets.set(String.join(", ", now));
    }

    /** Builds the audience for the campaign as typed; a mistake in it is shown in the status line. */
    public void build() {
        if (builder == null) {
            return;
        }
        AudienceSpec spec;
        try {
            spec = spec();
        } catch (IllegalArgumentException e) {
            work.status.set(Problems.describe(e));
            return;
        }
        double percent = lookalikePercent.get();
        AudiencePreview.Request request = AudiencePreview.Request.of(spec, propensityWeight.get(),
                percent >= Lookalikes.MIN_PERCENT ? percent : null);
        work.start("build audience", new AudiencePreview(workspace, builder, request), preview -> {
            shownRequest = request;
            show(preview.first(), preview.first().size() == 0 ? null : preview.lift(), preview.lookalikes());
        });
    }

    private void show(AudienceBuilder.Audience a, ExpectedLift.Result l, Lookalikes.Result more) {
        if (audience == null || !audience.spec().equals(a.spec())) {
            creatives.clear();
            creativesSummary.set("");
        }
        audience = a;
        lookalikes = more == null ? List.of() : more.members();
        List<Row> rows = new ArrayList<>();
        a.members().forEach(m -> rows.add(new Row(m.userId(), m.score(), m.reason(), false)));
        lookalikes.forEach(m -> rows.add(new Row(m.userId(), m.score(), m.reason(), true)));
        members.setAll(rows);
        reach.setAll(a.reach().stream().map(p -> new double[]{p.threshold(), p.size()}).toList());
        cutScore.set(a.members().isEmpty() ? 0 : a.members().get(a.size() - 1).score());
        audienceSize.set(a.size());
        summary.set(String.format(Locale.ROOT, "%,d users in the audience%s, of %,d with any interest in the targets (%,d users in all).",
                a.size(), more == null ? "" : String.format(Locale.ROOT, " + %,d lookalikes (%s)", lookalikes.size(), more.source()),
                a.eligible(), a.totalUsers()));
        lift.set(l == null ? "No one to measure a lift for."
                : Double.isNaN(l.lift()) ? "Expected lift: not measurable (no one was active before the held-out days)."
                : String.format(Locale.ROOT, "Expected lift %.2f× (95%% CI %.2f–%.2f): on the last %d days, %d of %d in the "
                        + "audience converted (%s in a targeted interest) against %d of %d random users.", l.lift(), l.low(),
                        l.high(), l.holdoutDays(), l.audienceConversions(), l.audienceSize(), l.conversion(),
                        l.randomConversions(), l.randomSize()));
        work.status.set("Audience built.");
    }

    /** The campaign as typed, checked. */
    AudienceSpec spec() {
        List<BehaviourRule> rules = new ArrayList<>();
        split(did.get()).forEach(r -> rules.add(BehaviourRule.parse(r, true)));
        split(didNot.get()).forEach(r -> rules.add(BehaviourRule.parse(r, false)));
        return new AudienceSpec(Target.parseAll(split(targets.get()), "Targets"), Target.parseAll(split(exclude.get()), "Exclude"),
                rules, Demographics.parse(age.get(), split(gender.get()), split(city.get())),
                bySize.get() ? Integer.valueOf(size.get()) : null, bySize.get() ? null : Double.valueOf(threshold.get()));
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** Keeps the current audience for the overlap matrix (at most five; the oldest goes). */
    public void keep() {
        if (audience == null) {
            return;
        }
        if (kept.size() == Overlap.MAX_AUDIENCES) {
            kept.remove(0);
        }
        String name = String.join(", ", audience.spec().include().stream().map(Target::toString).toList());
        kept.add(new Kept(name + " (" + audience.size() + ")", audience.spec(), audience.members(), List.copyOf(creatives)));
    }

    /**
     * Writes creatives for the audience shown in the background: headlines by the title generator (trained and stored
     * first if the workspace has none), copy from the audience's best words, ranked by its own click model.
     */
    public void writeCreatives() {
        if (audience == null || audience.size() == 0) {
            creativeWork.status.set("Build an audience with someone in it first.");
            return;
        }
        AudienceSpec spec = audience.spec();
        creativeWork.start("write creatives", new WriteCreatives(workspace, builder, spec, CREATIVES, false, 1), written -> {
            if (audience == null || !audience.spec().equals(spec)) {
                return;
            }
            AdCreatives.Result r = written.get(0).creatives();
            creatives.setAll(r.creatives());
            creativesSummary.set(describe(r));
            creativeWork.status.set(r.creatives().size() + " creatives for " + r.audienceSize() + " users.");
        });
    }

    /** How many creatives the tab asks for. */
    static final int CREATIVES = 5;

    static String describe(AdCreatives.Result r) {
        String into = r.interests().stream().map(i -> String.format(Locale.ROOT, "%s (%.1f× everyone's share)", i.label(), i.lift()))
                .reduce((a, b) -> a + ", " + b).orElse("nothing beyond what everyone is into");
        return "Strongest interests: " + into + ". Ranked by " + (r.clickModel().equals("audience")
                ? String.format(Locale.ROOT, "a click model fitted on this audience's own %,d views and %,d carts.", r.audienceViews(),
                        r.audienceConversions())
                : "the shop-wide click model: this audience carted too little to fit its own.");
    }

    /** The overlap of the kept audiences, pair by pair. */
    public List<Overlap.Pair> overlap() {
        return Overlap.of(kept.stream().map(Kept::members).toList());
    }

    /**
     * Writes the audience shown and its lookalikes as CSV in the background, by previewing the same campaign again
     * into the file; the status line says how many.
     */
    public void export(Path file) {
        if (audience == null || shownRequest == null) {
            work.status.set("Build an audience first.");
            return;
        }
        AudiencePreview.Request r = shownRequest;
        AudiencePreview.Request exporting = new AudiencePreview.Request(r.audiences(), r.propensityWeight(), r.lookalikePercent(),
                r.holdoutDays(), r.seed(), file, new AudienceCsv.Privacy(hashIds.get(), Math.max(1, smallestExport.get())));
        List<AdCreatives.Creative> written = List.copyOf(creatives);
        AudiencePreview exportJob = new AudiencePreview(workspace, builder, exporting);
        Path beside = CreativesCsv.besides(file);
        work.start("export audience", ctx -> {
            AudiencePreview.Result preview = exportJob.run(ctx);
            if (!written.isEmpty()) {
                CreativesCsv.write(beside, written);
            }
            return preview;
        }, preview -> {
            AudiencePreview.Export e = preview.exported();
            work.status.set(String.format(Locale.ROOT, "Exported %,d users to %s%s%s.", e.rows(), e.file(),
                    e.hashedIds() ? " (ids SHA-256-hashed)" : "",
                    written.isEmpty() ? "" : String.format(Locale.ROOT, ", and %d creatives to %s", written.size(), beside.getFileName())));
        });
    }

    public boolean hasAudience() {
        return audience != null;
    }
}
