package io.igw.engine.recommenders;

import io.igw.storage.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The kinds of recommender this build knows, by their command-line names: each with its settings type, the settings
 * it is trained with, and how to make its trainer (content-based, semantic and hybrid models read the workspace's
 * catalogue).
 */
public final class ModelCatalog {
    private record Kind<S extends ModelSettings>(Class<S> type, S standard, BiFunction<Workspace, S, RecommenderTrainer<S>> trainer) {
        RecommenderTrainer<S> make(Workspace workspace, String settings) {
            return trainer.apply(workspace, settings == null ? standard : ModelSettings.parse(type, settings));
        }
    }

    private static final Map<String, Kind<?>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("pop", new Kind<>(Popularity.Settings.class, new Popularity.Settings(), (ws, s) -> new Popularity.Trainer()));
        KNOWN.put("itemknn", new Kind<>(ItemKnn.Settings.class, ItemKnn.Settings.standard(), (ws, s) -> new ItemKnn.Trainer(s)));
        KNOWN.put("ease", new Kind<>(Ease.Settings.class, Ease.Settings.standard(), (ws, s) -> new Ease.Trainer(s)));
        KNOWN.put("content", new Kind<>(ContentBased.Settings.class, ContentBased.Settings.standard(), ContentBased.Trainer::new));
        KNOWN.put("autoencoder", new Kind<>(Autoencoder.Settings.class, Autoencoder.Settings.standard(), (ws, s) -> new Autoencoder.Trainer(s)));
        KNOWN.put("cfgan", new Kind<>(Cfgan.Settings.class, Cfgan.Settings.standard(), (ws, s) -> new Cfgan.Trainer(s)));
        KNOWN.put("deepwalk", new Kind<>(DeepWalk.Settings.class, DeepWalk.Settings.standard(), (ws, s) -> new DeepWalk.Trainer(s)));
        KNOWN.put("sequence", new Kind<>(SequenceTransformer.Settings.class, SequenceTransformer.Settings.standard(), (ws, s) -> SequenceTransformer.Trainer.of(s, ws)));
        KNOWN.put("semantic", new Kind<>(Semantic.Settings.class, Semantic.Settings.standard(), Semantic.Trainer::new));
        KNOWN.put("hybrid", new Kind<>(Hybrid.Settings.class, Hybrid.Settings.standard(), Hybrid.Trainer::new));
        // trained with Apache Spark MLlib (the spark module); a trained model scores without it
        KNOWN.put("als", new Kind<>(Als.Settings.class, Als.Settings.standard(), (ws, s) -> new Als.Trainer(s)));
    }

    private ModelCatalog() {
    }

    /** Kinds whose training runs on the Spark engine, which is on the class path only for Spark commands. */
    private static final List<String> ON_SPARK = List.of("als");

    /** The kinds that can be trained here: every one, less those that need Spark when it is not on the class path. */
    public static List<String> names() {
        boolean spark = io.igw.engine.distributed.DistributedEngine.find().isPresent();
        return KNOWN.keySet().stream().filter(n -> spark || !ON_SPARK.contains(n)).toList();
    }

    /** Whether this build knows the kind, trainable here or not: a stored model of any known kind loads and scores. */
    public static boolean known(String name) {
        return KNOWN.containsKey(name);
    }

    /** Refuses a kind this build does not know. */
    public static void check(String name) {
        if (!KNOWN.containsKey(name)) {
            throw new IllegalArgumentException("Unknown model '" + name + "': choose one of " + String.join(", ", KNOWN.keySet()) + ".");
        }
    }

    /** Refuses a kind that is unknown, or that trains on Spark when Spark is not on the class path. */
    public static void checkTrainable(String name) {
        check(name);
        if (ON_SPARK.contains(name) && io.igw.engine.distributed.DistributedEngine.find().isEmpty()) {
            io.igw.engine.distributed.DistributedEngine.require();
        }
    }

    /** The trainer of a kind with its standard settings; {@code workspace} gives content-based models the catalogue. */
    public static RecommenderTrainer<?> trainer(String name, Workspace workspace) {
        checkTrainable(name);
        return KNOWN.get(name).make(workspace, null);
    }

    /** The trainer of a kind with the settings a stored model was trained with (as {@link ModelSettings#describe}). */
    static RecommenderTrainer<?> trainer(String name, Workspace workspace, String settings) {
        check(name);
        return KNOWN.get(name).make(workspace, settings);
    }
}
