package io.igw.engine.titles;

import io.igw.engine.recommenders.LibraryVersions;
import io.igw.engine.recommenders.ModelProvenance;
import io.igw.storage.Cleanup;
import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.models.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The title generator in the workspace's model registry, as kind {@code titles}: its vocabulary, its shape and every
 * weight, its fluency judge, with its provenance (settings, seed, the catalogue it learned from, library versions) and what its stages
 * measured.
 */
final class TitleModels {
    static final String KIND = "titles";
    private static final String VOCABULARY = "vocabulary";
    private static final String SHAPE = "shape";
    private static final String NAMES = "weight_names";
    private static final String FLUENCY = "fluency_weights";
    private static final String FLUENCY_NGRAMS = "fluency_ngrams";

    private final Workspace workspace;
    private final ModelStore store;

    TitleModels(Workspace workspace) {
        this.workspace = workspace;
        this.store = new ModelStore(workspace);
    }

    /** Stores the generator; returns its model id. Nothing is kept if writing fails. */
    int store(TitleGenerator generator, TitleGenerator.Settings settings) {
        TitleGenerator.Report r = generator.report();
        String described = settings.toString();
        ModelProvenance p = new ModelProvenance(KIND, described, settings.seed(), "catalogue:" + r.titles() + " titles",
                0, r.titles(), 0, LibraryVersions.current(), Instant.now(), List.of());
        int id = store.begin(new ModelStore.Registration(KIND, described, settings.seed(), p.dataVersion(), 0, r.titles(), 0,
                p.trainedAt(), p.toJson()));
        try (ColumnFolderWriter out = store.writer(id)) {
            TitleDecoder d = generator.decoder();
            out.strings(VOCABULARY, d.vocabulary().all().toArray(String[]::new));
            int[] shape = {d.length(), settings.width(), settings.blocks(), settings.heads()};
            out.ints(SHAPE, shape, shape.length);
            Map<String, INDArray> weights = generator.weights();
            out.strings(NAMES, weights.keySet().toArray(String[]::new));
            for (Map.Entry<String, INDArray> w : weights.entrySet()) {
                float[] values = w.getValue().dup('c').data().asFloat();
                out.floats("w." + w.getKey(), values, values.length);
            }
            TitleDiscriminator judge = generator.knownFluency();
            if (judge != null) {
                double[] w = judge.weights();
                float[] f = new float[w.length];
                for (int i = 0; i < w.length; i++) {
                    f[i] = (float) w[i];
                }
                out.floats(FLUENCY, f, f.length);
                out.ints(FLUENCY_NGRAMS, new int[]{judge.longest()}, 1);
            }
            out.commit();
            String metrics = String.format(java.util.Locale.ROOT,
                    "{\"first_loss\":%.4f,\"last_loss\":%.4f,\"mean_reward_first_round\":%.4f,\"mean_reward_last_round\":%.4f,"
                            + "\"discriminator_accuracy_last_round\":%.4f,\"vocabulary\":%d,\"parameters\":%d}",
                    r.firstLoss(), r.lastLoss(), nan(r.meanRewardFirst()), nan(r.meanRewardLast()),
                    nan(r.discriminatorAccuracyLast()), r.vocabulary(), r.parameters());
            store.complete(id, settings.epochs(), metrics, "[]", r.seconds());
        } catch (RuntimeException | Error e) {
            Cleanup.after(e, () -> store.discard(id));
            throw e;
        }
        return id;
    }

    private static double nan(double x) {
        return Double.isNaN(x) ? 0 : x;
    }

    /** The newest stored generator, over the workspace's listings as they are now. */
    Optional<TitleGenerator> latest(Listings listings) {
        Optional<ModelStore.TrainedModel> row = store.latest(KIND);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        ColumnFolder folder = store.state(row.get().id());
        try {
            TitleTokens vocabulary = TitleTokens.restored(List.of(folder.strings(VOCABULARY)));
            int[] shape = folder.ints(SHAPE);
            // a generator read back only writes: its training settings are in the provenance, not needed here
            TitleGenerator.Settings settings = TitleGenerator.Settings.standard(0);
            TitleDecoder decoder = new TitleDecoder(vocabulary, shape[0], shape[1], shape[2], shape[3], 0.1, 1);
            Map<String, INDArray> weights = new LinkedHashMap<>();
            Map<String, INDArray> now = decoder.snapshot();
            for (String name : folder.strings(NAMES)) {
                INDArray into = now.get(name);
                if (into == null) {
                    throw new IOException("weight " + name + " is not in this version's title decoder");
                }
                weights.put(name, Nd4j.create(folder.floats("w." + name), into.shape(), 'c'));
            }
            decoder.restore(weights);
            TitleGenerator generator = TitleGenerator.of(listings, decoder, settings);
            if (folder.has(FLUENCY, io.igw.storage.columns.ColumnType.FLOAT)) {
                float[] f = folder.floats(FLUENCY);
                double[] w = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    w[i] = f[i];
                }
                generator.restoreFluency(TitleDiscriminator.restored(w, folder.ints(FLUENCY_NGRAMS)[0]));
            }
            return Optional.of(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("The stored title generator " + row.get().id() + " could not be read", e);
        }
    }

    /**
     * The newest stored generator; or, if there is none or {@code retrain} asks, one trained on the listings (and
     * then against the click model) and stored first. Progress runs from 10% to 90% of {@code context}.
     */
    TitleGenerator latestOrTrained(Listings listings, ClickModel clicks, boolean retrain, long seed,
                                   io.igw.engine.task.JobContext context) {
        TitleGenerator generator = retrain ? null : latest(listings).orElse(null);
        if (generator == null) {
            TitleGenerator.Settings settings = TitleGenerator.Settings.standard(seed);
            generator = TitleGenerator.trained(listings, clicks, settings, context.part(0, 0.85, ""));
            context.progress(0.85, "learning how this shop's own titles differ from the generator's");
            generator.fluency(clicks);
            store(generator, settings);
        }
        return generator;
    }

    int latestId() {
        return store.latest(KIND).map(ModelStore.TrainedModel::id).orElse(-1);
    }
}
