package io.igw.engine.doctor;

import io.igw.engine.graph.GraphBuildSummary;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.prediction.BehaviourPrediction;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.prediction.SavedPredictions;
import io.igw.engine.recommenders.ModelCatalog;
import io.igw.engine.recommenders.ModelProvenance;
import io.igw.engine.recommenders.ModelTraining;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.columns.DamagedFile;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.events.EventColumns;
import io.igw.storage.graph.GraphBuild;
import io.igw.storage.graph.GraphStore;
import io.igw.storage.models.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a whole workspace's files against the checksums written with them: every graph build, stored model, kept
 * prediction and event snapshot. What is damaged is marked unusable at once (a build or a model is no longer listed,
 * so the one before it is current again; a damaged prediction or snapshot is removed); with {@code repair}, each is
 * made again from H2, the system of record: the graph rebuilt with the damaged build's parameters, a model retrained
 * (its kind and seed), a prediction run again, a snapshot re-read from the events table. H2's own file has been
 * checked by opening it.
 */
public final class WorkspaceDoctor implements Job<WorkspaceDoctor.Report> {
    /** One damaged thing: what it is, which, the file and what is wrong with it, and what was done. */
    public record Finding(String kind, String id, Path file, String problem, String done) {
    }

    /** What was checked, what was found and what was made again. */
    public record Report(int graphBuilds, int models, int predictions, int eventSnapshots, int files, long bytes,
                         int withoutChecksums, List<Finding> damaged, List<String> repaired, boolean repair) {
        public boolean healthy() {
            return damaged.isEmpty();
        }
    }

    private final Workspace workspace;
    private final boolean repair;
    private final List<Finding> damaged = new ArrayList<>();
    private final List<String> repaired = new ArrayList<>();
    private int files;
    private long bytes;
    private int without;

    public WorkspaceDoctor(Workspace workspace, boolean repair) {
        this.workspace = workspace;
        this.repair = repair;
    }

    @Override
    public Report run(JobContext context) throws Exception {
        GraphStore graphs = new GraphStore(workspace);
        ModelStore models = new ModelStore(workspace);
        EventColumns events = new EventColumns(workspace);
        context.progress(0, "checking event snapshots");
        List<Integer> eventSets = new DatasetStore(workspace).completeIds(DatasetKind.EVENTS);
        int snapshots = 0;
        for (int id : eventSets) {
            context.checkCancelled();
            if (ColumnFolder.exists(events.folder(id))) {
                snapshots++;
                if (!check("event snapshot", "dataset " + id, events.folder(id),
                        repair ? "made again from the events table" : "removed: made again from the events table when next needed")) {
                    if (repair) {
                        events.rebuildFromDatabase(id);
                    } else {
                        events.delete(id);
                    }
                }
            }
        }
        context.progress(0.2, "checking graph builds");
        List<GraphBuild> builds = graphs.list();
        for (GraphBuild b : builds) {
            context.checkCancelled();
            if (!check("graph build", Integer.toString(b.id()), graphs.columnsPath(b.id()), "marked unusable")) {
                graphs.markDamaged(b.id());
            }
        }
        context.progress(0.4, "checking models");
        List<ModelStore.TrainedModel> stored = models.list();
        for (ModelStore.TrainedModel m : stored) {
            context.checkCancelled();
            if (!check("model", m.id() + " (" + m.model() + ")", models.folderOf(m.id()), "marked unusable")) {
                models.markDamaged(m.id());
            }
        }
        context.progress(0.55, "checking predictions");
        int predictions = 0;
        List<Outcome> predictAgain = new ArrayList<>();
        List<Integer> horizons = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            Path dir = SavedPredictions.folder(workspace, o);
            if (ColumnFolder.exists(dir)) {
                predictions++;
                if (!check("prediction", o.label(), dir, repair ? "run again" : "removed")) {
                    horizons.add(horizonOf(o));
                    deleteTree(dir);
                    predictAgain.add(o);
                }
            }
        }
        for (GraphBuild b : graphs.damaged()) {
            if (damaged.stream().noneMatch(f -> f.kind().equals("graph build") && f.id().equals(Integer.toString(b.id())))) {
                damaged.add(new Finding("graph build", Integer.toString(b.id()), graphs.columnsPath(b.id()),
                        "it was found damaged before", "marked unusable"));
            }
        }
        for (ModelStore.TrainedModel m : models.damaged()) {
            String id = m.id() + " (" + m.model() + ")";
            if (damaged.stream().noneMatch(f -> f.kind().equals("model") && f.id().equals(id))) {
                damaged.add(new Finding("model", id, models.folderOf(m.id()), "it was found damaged before", "marked unusable"));
            }
        }
        if (repair) {
            repairGraphs(graphs, context.part(0.6, 0.15, null));
            repairModels(models, context.part(0.75, 0.15, null));
            for (int k = 0; k < predictAgain.size(); k++) {
                Outcome o = predictAgain.get(k);
                context.checkCancelled();
                context.progress(0.9, "predicting " + o.label() + " again");
                SavedPredictions.save(workspace, new BehaviourPrediction(workspace, o, horizons.get(k), 1).run(context.part(0.9, 0.1, null)));
                repaired.add("the " + o.label() + " prediction was run again (" + horizons.get(k) + "-day horizon)");
            }
            eventSets.stream().filter(id -> damaged.stream().anyMatch(f -> f.kind().equals("event snapshot") && f.id().equals("dataset " + id)))
                    .forEach(id -> repaired.add("the event snapshot of dataset " + id + " was made again from the events table"));
        }
        context.uncancellable().progress(1, damaged.isEmpty() ? "nothing is damaged" : damaged.size() + " damaged");
        return new Report(builds.size(), stored.size(), predictions, snapshots, files, bytes, without, List.copyOf(damaged),
                List.copyOf(repaired), repair);
    }

    /** Rebuilds the newest damaged build with its own parameters; older damaged builds are removed. */
    private void repairGraphs(GraphStore graphs, JobContext context) throws Exception {
        List<GraphBuild> broken = graphs.damaged();
        if (broken.isEmpty()) {
            return;
        }
        GraphBuild newest = broken.get(0);
        broken.forEach(b -> graphs.discard(b.id()));
        GraphParameters params = GraphParameters.parse(newest.parameters());
        GraphBuildSummary built = InterestGraphBuilder.full(workspace, params).run(context);
        repaired.add("graph build " + newest.id() + " was rebuilt from the database with its parameters as build " + built.buildId());
        for (GraphBuild b : broken.subList(1, broken.size())) {
            repaired.add("graph build " + b.id() + ", older, was removed (the rebuild replaces it)");
        }
    }

    /** Retrains each damaged model of a kind the workbench trains, with its seed; any other is removed. */
    private void repairModels(ModelStore models, JobContext context) throws Exception {
        for (ModelStore.TrainedModel m : models.damaged()) {
            context.checkCancelled();
            ModelProvenance p = ModelProvenance.fromJson(m.provenanceJson(), m.trainedAt(), List.of());
            models.discard(m.id());
            if (ModelCatalog.known(m.model())) {
                ModelTraining.Result again = new ModelTraining(workspace, m.model(), p.seed(), 0, e -> {
                }).run(context);
                repaired.add("model " + m.id() + " (" + m.model() + ") was retrained from the events with its seed " + p.seed()
                        + " as model " + again.modelId());
            } else {
                repaired.add("model " + m.id() + " (" + m.model() + ") was removed: it is trained again when next used");
            }
        }
    }

    /** The horizon of the kept prediction, when what says it can still be read; else the usual week. */
    private int horizonOf(Outcome o) {
        try {
            return SavedPredictions.latest(workspace, o).map(SavedPredictions.Scores::horizonDays).orElse(DEFAULT_HORIZON_DAYS);
        } catch (RuntimeException damagedToo) {
            return DEFAULT_HORIZON_DAYS;
        }
    }

    private static final int DEFAULT_HORIZON_DAYS = 7;

    /** Checks one folder; records what is damaged in it. Returns whether it is whole. */
    private boolean check(String kind, String id, Path dir, String done) {
        ColumnFolder.Check c = ColumnFolder.open(dir).verify();
        files += c.files();
        bytes += c.bytes();
        without += c.withoutChecksums();
        for (DamagedFile d : c.damaged()) {
            damaged.add(new Finding(kind, id, d.file(), d.problem(), done));
        }
        return c.healthy();
    }

    private static void deleteTree(Path dir) {
        try {
            ColumnFolderWriter.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
