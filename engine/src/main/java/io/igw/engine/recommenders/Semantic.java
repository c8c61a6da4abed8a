package io.igw.engine.recommenders;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.errors.MemoryNeed;
import io.igw.engine.linalg.Vectors;
import io.igw.engine.text.Bilingual;
import io.igw.engine.text.CatalogueEncoding;
import io.igw.engine.text.TextEncoder;
import io.igw.engine.text.TextVectors;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Recommends by what items are, read from their titles by the text model: every item is its title's vector; a user's
 * profile is the mean of their items' vectors, the latest weighing most (weights halve every {@code halfLife}
 * actions); items score by cosine to the profile. It needs no one to have touched an item, so it recommends new
 * items (cold start) as readily as old ones: trained in the workspace, it scores the whole catalogue.
 */
public final class Semantic extends BatchScoredRecommender {
    /** How fast older actions fade from the profile, in actions; and the text model the titles are encoded with. */
    public record Settings(double halfLife, String model) implements ModelSettings {
        public static Settings standard() {
            return new Settings(10, Bilingual.MODEL);
        }
    }

    /** Reads the workspace's title vectors (encoding the catalogue first if it must). */
    public static final class Trainer extends RecommenderTrainer<Settings> {
        private final Workspace workspace;
        private final TextEncoder encoder;

        public Trainer(Workspace workspace, Settings settings) {
            this(workspace, settings, new Bilingual());
        }

        Trainer(Workspace workspace, Settings settings, TextEncoder encoder) {
            super("semantic", settings);
            if (settings.halfLife() <= 0) {
                throw new InvalidSetting("halfLife", "must be above 0, not " + settings.halfLife());
            }
            if (!settings.model().equals(encoder.model())) {
                throw new InvalidSetting("model", "this build reads titles with " + encoder.model()
                        + ", not " + settings.model());
            }
            this.workspace = workspace;
            this.encoder = encoder;
        }

        /** Each item's title vector and each user's profile in the text model's space, and the model itself. */
        @Override
        public MemoryNeed memoryToTrain(int users, int items, long pairs, int epochs) {
            // the text model: ONNX Runtime and its weights outside the heap, its tokenizer's vocabulary on it
            return MemoryNeed.heap(4.0 * 2 * 512 * items + 4.0 * 512 * users + (64L << 20)).plusNative(256L << 20);
        }

        /** The catalogue's items that no one has touched are scored too. */
        @Override
        public Interactions withItemsItCanScore(Interactions data) {
            return data.withItems(CatalogLookup.load(workspace).items().keySet().stream().mapToLong(Long::longValue)
                    .sorted().toArray());
        }

        @Override
        protected Recommender fit(Interactions data, Training training, Stamp stamp) {
            return new Semantic(stamp.provenance(), titleVectors(data, training), (float) settings().halfLife());
        }

        /** One unit-length title vector per item of {@code data} (the zero vector for an item without a title). */
        TitleVectors titleVectors(Interactions data, Training training) {
            training.context().progress(0, "reading the titles' vectors");
            TextVectors stored = CatalogueEncoding.currentItemVectors(workspace, encoder, training.context().part(0, 0.9, null));
            int d = stored.dimensions();
            float[] matrix = new float[data.items() * d];
            for (int i = 0; i < data.items(); i++) {
                int at = i;
                stored.vector(data.itemId(i)).ifPresent(v -> System.arraycopy(v, 0, matrix, at * d, d));
            }
            training.context().progress(1, data.items() + " titles, " + stored.model());
            return new TitleVectors(stored.model(), d, matrix);
        }

        @Override
        public Recommender load(ColumnFolder in, ModelProvenance provenance) {
            return new Semantic(provenance, TitleVectors.load(in), (float) settings().halfLife());
        }
    }

    private final TitleVectors titles;
    private final float halfLife;

    Semantic(ModelProvenance provenance, TitleVectors titles, float halfLife) {
        super(provenance);
        this.titles = titles;
        this.halfLife = halfLife;
    }

    @Override
    public int items() {
        return titles.items();
    }

    /** The user's profile: the recency-weighted mean of their items' vectors, unit length (zero when they have none). */
    float[] profile(Session session) {
        int d = titles.dimensions();
        float[] p = new float[d];
        int n = session.length();
        for (int at = 0; at < n; at++) {
            float w = (float) Math.pow(0.5, (n - 1 - at) / halfLife);
            titles.addTo(p, session.items()[at], w);
        }
        return Vectors.unit(p);
    }

    @Override
    public void score(List<Session> sessions, float[][] scores) {
        int d = titles.dimensions();
        float[] profiles = new float[sessions.size() * d];
        for (int s = 0; s < sessions.size(); s++) {
            System.arraycopy(profile(sessions.get(s)), 0, profiles, s * d, d);
        }
        titles.similarities(profiles, sessions.size(), scores);
    }

    /** The user's items whose titles are closest to the recommended item's, most recent first among equals. */
    @Override
    public List<List<Reason>> because(int[] history, int[] recommended, int perItem) {
        List<List<Reason>> out = new ArrayList<>();
        for (int j : recommended) {
            List<Reason> reasons = new ArrayList<>();
            for (int i : history) {
                double s = titles.similarity(i, j);
                if (s > 0) {
                    reasons.add(Reason.item(i, s));
                }
            }
            reasons.sort((a, b) -> Double.compare(b.weight(), a.weight()));
            out.add(reasons.subList(0, Math.min(perItem, reasons.size())));
        }
        return out;
    }

    @Override
    public void save(ColumnFolderWriter out) {
        titles.save(out);
    }

    TitleVectors titles() {
        return titles;
    }
}
