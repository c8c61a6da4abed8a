package io.igw.engine.models;

import io.igw.storage.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The models this build knows, by their command-line names, each with the parameters it is run with. */
public final class ModelCatalog {
    private static final Map<String, Function<Workspace, Recommender>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("pop", ws -> new Popularity());
        KNOWN.put("itemknn", ws -> new ItemKnn(100, 10));
        KNOWN.put("ease", ws -> new Ease(250));
        KNOWN.put("content", ContentBased::new);
        KNOWN.put("autoencoder", ws -> new Autoencoder(Autoencoder.Settings.standard()));
        KNOWN.put("cfgan", ws -> new Cfgan(Cfgan.Settings.standard()));
        KNOWN.put("deepwalk", ws -> new DeepWalk(DeepWalk.Settings.standard()));
    }

    private ModelCatalog() {
    }

    public static List<String> names() {
        return List.copyOf(KNOWN.keySet());
    }

    public static void check(String name) {
        if (!KNOWN.containsKey(name)) {
            throw new IllegalArgumentException("Unknown model '" + name + "': choose one of " + String.join(", ", KNOWN.keySet()) + ".");
        }
    }

    /** A fresh, untrained model; {@code workspace} gives content-based models the catalogue. */
    public static Recommender create(String name, Workspace workspace) {
        check(name);
        return KNOWN.get(name).apply(workspace);
    }
}
