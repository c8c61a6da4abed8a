package io.igw.engine.recommenders;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.errors.MemoryNeed;
import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A collaborative model and the semantic one, blended: each item's two scores are standardised over the catalogue
 * (for this user) and mixed, {@code semanticWeight} on the semantic side (0.2: on generated shoppers, 0.1–0.3 cost
 * the warm items 1–2% of EASE's recall and 0.5 cost 4%, while the new items gained little past 0.3; decision 0014). An item no one has touched has no
 * collaborative score of its own, so it borrows one: the similarity-weighted mean of the collaborative scores of the
 * {@code neighbours} touched items whose titles are closest to its own. So a new item competes on both what it is and
 * what people like it were drawn to, and a model that knows the crowd can still recommend what the crowd has not seen.
 */
public final class Hybrid extends BatchScoredRecommender {
    /**
     * The collaborative model ({@code auto}: EASE where the catalogue fits its memory, item-kNN beyond), the semantic
     * side's weight in the blend, how many touched items lend a new item their score, and the semantic settings.
     */
    public record Settings(String collaborative, double semanticWeight, int neighbours, double halfLife, String model)
            implements ModelSettings {
        public static Settings standard() {
            Semantic.Settings s = Semantic.Settings.standard();
            return new Settings("auto", 0.2, 20, s.halfLife(), s.model());
        }
    }

    public static final class Trainer extends RecommenderTrainer<Settings> {
        private final Workspace workspace;
        private final Semantic.Trainer semantic;

        public Trainer(Workspace workspace, Settings settings) {
            this(workspace, settings, new Semantic.Trainer(workspace, new Semantic.Settings(settings.halfLife(), settings.model())));
        }

        Trainer(Workspace workspace, Settings settings, Semantic.Trainer semantic) {
            super("hybrid", settings);
            if (settings.semanticWeight() < 0 || settings.semanticWeight() > 1) {
                throw new InvalidSetting("semanticWeight", "must be between 0 and 1, not " + settings.semanticWeight());
            }
            InvalidSetting.atLeast("neighbours", settings.neighbours(), 1);
            if (!settings.collaborative().equals("auto")) {
                ModelCatalog.checkTrainable(settings.collaborative());
                if (settings.collaborative().equals("hybrid") || settings.collaborative().equals("semantic")) {
                    throw new InvalidSetting("collaborative", "must be a collaborative model, not " + settings.collaborative());
                }
            }
            this.workspace = workspace;
            this.semantic = semantic;
        }

        /** Its collaborative model and the semantic one, held together while they are blended. */
        @Override
        public MemoryNeed memoryToTrain(int users, int items, long pairs, int epochs) {
            RecommenderTrainer<?> cf = ModelCatalog.trainer(collaborativeKind(items), workspace);
            return cf.memoryToTrain(users, items, pairs, epochs).plus(semantic.memoryToTrain(users, items, pairs, epochs));
        }

        @Override
        public Interactions withItemsItCanScore(Interactions data) {
            return semantic.withItemsItCanScore(data);
        }

        /** The collaborative kind for {@code items} items: {@code auto} is EASE where it fits, item-kNN beyond. */
        String collaborativeKind(int items) {
            String c = settings().collaborative();
            return !c.equals("auto") ? c : items <= Ease.MAX_ITEMS ? "ease" : "itemknn";
        }

        @Override
        protected Recommender fit(Interactions data, Training training, Stamp stamp) throws Exception {
            String kind = collaborativeKind(data.items());
            RecommenderTrainer<?> cfTrainer = ModelCatalog.trainer(kind, workspace);
            Recommender cf = cfTrainer.train(data, new Training(training.context().part(0, 0.6, kind + ": "),
                    training.seed(), training.maxEpochs(), e -> {
                    }));
            TitleVectors titles = semantic.titleVectors(data, new Training(training.context().part(0.6, 0.3, "titles: "),
                    training.seed(), 0, e -> {
                    }));
            training.context().progress(0.9, "lending new items the scores of their closest touched items");
            Lenders lenders = Lenders.of(titles, data.itemCounts(), settings().neighbours());
            return new Hybrid(stamp.provenance(), kind, cfTrainer.settings().describe(), cf, titles, lenders,
                    (float) settings().semanticWeight(), (float) settings().halfLife());
        }

        @Override
        public Recommender load(ColumnFolder in, ModelProvenance provenance) throws IOException {
            String[] cf = in.strings(COLLABORATIVE);
            Recommender collaborative = ModelCatalog.trainer(cf[0], workspace, cf[1])
                    .load(ColumnFolder.open(in.dir().resolve(COLLABORATIVE_FOLDER)), provenance);
            return new Hybrid(provenance, cf[0], cf[1], collaborative, TitleVectors.load(in), Lenders.load(in),
                    (float) settings().semanticWeight(), (float) settings().halfLife());
        }
    }

    private static final String COLLABORATIVE = "collaborative";
    private static final String COLLABORATIVE_FOLDER = "collaborative-model";

    private final String collaborativeKind;
    private final String collaborativeSettings;
    private final Recommender collaborative;
    private final Semantic semantic;
    private final Lenders lenders;
    private final float semanticWeight;

    private Hybrid(ModelProvenance provenance, String collaborativeKind, String collaborativeSettings,
                   Recommender collaborative, TitleVectors titles, Lenders lenders, float semanticWeight, float halfLife) {
        super(provenance);
        this.collaborativeKind = collaborativeKind;
        this.collaborativeSettings = collaborativeSettings;
        this.collaborative = collaborative;
        this.semantic = new Semantic(provenance, titles, halfLife);
        this.lenders = lenders;
        this.semanticWeight = semanticWeight;
    }

    /** The collaborative model's kind (EASE, item-kNN...), as chosen when it was trained. */
    public String collaborativeKind() {
        return collaborativeKind;
    }

    @Override
    public int items() {
        return semantic.items();
    }

    @Override
    public void score(List<Session> sessions, float[][] scores) {
        float[][] cf = new float[sessions.size()][items()];
        collaborative.score(sessions, cf);
        semantic.score(sessions, scores);
        for (int s = 0; s < sessions.size(); s++) {
            lenders.lend(cf[s]);
            standardise(cf[s]);
            standardise(scores[s]);
            for (int i = 0; i < scores[s].length; i++) {
                scores[s][i] = (1 - semanticWeight) * cf[s][i] + semanticWeight * scores[s][i];
            }
        }
    }

    /** Scales the scores to mean 0 and standard deviation 1 (all zero when they are all equal). */
    private static void standardise(float[] x) {
        double sum = 0;
        double squares = 0;
        for (float v : x) {
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / x.length;
        double sd = Math.sqrt(Math.max(0, squares / x.length - mean * mean));
        for (int i = 0; i < x.length; i++) {
            x[i] = sd == 0 ? 0 : (float) ((x[i] - mean) / sd);
        }
    }

    /** A touched item for the collaborative model's reasons; a new item for the semantic model's (the titles alike). */
    @Override
    public List<List<Reason>> because(int[] history, int[] recommended, int perItem) {
        int[] touched = Arrays.stream(recommended).filter(j -> !lenders.borrows(j)).toArray();
        int[] fresh = Arrays.stream(recommended).filter(lenders::borrows).toArray();
        List<List<Reason>> fromCrowd = touched.length == 0 ? List.of() : collaborative.because(history, touched, perItem);
        List<List<Reason>> fromTitles = fresh.length == 0 ? List.of() : semantic.because(history, fresh, perItem);
        List<List<Reason>> out = new ArrayList<>();
        int t = 0;
        int f = 0;
        for (int j : recommended) {
            out.add(lenders.borrows(j) ? fromTitles.get(f++) : fromCrowd.get(t++));
        }
        return out;
    }

    @Override
    public void save(ColumnFolderWriter out) throws IOException {
        out.strings(COLLABORATIVE, new String[]{collaborativeKind, collaborativeSettings});
        semantic.titles().save(out);
        lenders.save(out);
        try (ColumnFolderWriter inner = new ColumnFolderWriter(out.file(COLLABORATIVE_FOLDER))) {
            collaborative.save(inner);
            inner.commit();
        }
    }

    /**
     * For each item no one touched in training, the touched items whose titles are closest (cosine above 0), with
     * their similarities: whose collaborative scores it borrows.
     */
    static final class Lenders {
        private static final int ROWS = 256;
        private final int[] borrower;   // ascending
        private final int[] start;
        private final int[] lender;
        private final float[] weight;

        private Lenders(int[] borrower, int[] start, int[] lender, float[] weight) {
            this.borrower = borrower;
            this.start = start;
            this.lender = lender;
            this.weight = weight;
        }

        static Lenders of(TitleVectors titles, int[] counts, int neighbours) {
            int items = titles.items();
            int[] touched = java.util.stream.IntStream.range(0, items).filter(i -> i < counts.length && counts[i] > 0).toArray();
            int[] borrowers = java.util.stream.IntStream.range(0, items).filter(i -> i >= counts.length || counts[i] == 0).toArray();
            int d = titles.dimensions();
            float[] lenderVectors = new float[touched.length * d];
            for (int n = 0; n < touched.length; n++) {
                System.arraycopy(titles.vector(touched[n]), 0, lenderVectors, n * d, d);
            }
            TitleVectors lendersOnly = new TitleVectors(titles.model(), d, lenderVectors);
            int[] start = new int[borrowers.length + 1];
            List<int[]> chosen = new ArrayList<>();
            List<float[]> weights = new ArrayList<>();
            for (int from = 0; from < borrowers.length; from += ROWS) {
                int rows = Math.min(ROWS, borrowers.length - from);
                float[] queries = new float[rows * d];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(titles.vector(borrowers[from + r]), 0, queries, r * d, d);
                }
                float[][] sims = new float[rows][touched.length];
                if (touched.length > 0) {
                    lendersOnly.similarities(queries, rows, sims);
                }
                for (int r = 0; r < rows; r++) {
                    float[] row = sims[r];
                    int[] top = Metrics.topK(row, Math.min(neighbours, touched.length));
                    int[] keep = Arrays.stream(top).filter(n -> row[n] > 0).toArray();
                    float[] w = new float[keep.length];
                    for (int n = 0; n < keep.length; n++) {
                        w[n] = row[keep[n]];
                        keep[n] = touched[keep[n]];
                    }
                    chosen.add(keep);
                    weights.add(w);
                    start[from + r + 1] = start[from + r] + keep.length;
                }
            }
            int[] lender = new int[start[borrowers.length]];
            float[] weight = new float[lender.length];
            for (int b = 0; b < borrowers.length; b++) {
                System.arraycopy(chosen.get(b), 0, lender, start[b], chosen.get(b).length);
                System.arraycopy(weights.get(b), 0, weight, start[b], weights.get(b).length);
            }
            return new Lenders(borrowers, start, lender, weight);
        }

        boolean borrows(int item) {
            return Arrays.binarySearch(borrower, item) >= 0;
        }

        /** Gives each borrowing item the weighted mean of its lenders' scores (touched items keep their own). */
        void lend(float[] scores) {
            for (int b = 0; b < borrower.length; b++) {
                double sum = 0;
                double weights = 0;
                for (int k = start[b]; k < start[b + 1]; k++) {
                    sum += weight[k] * scores[lender[k]];
                    weights += weight[k];
                }
                scores[borrower[b]] = weights == 0 ? 0 : (float) (sum / weights);
            }
        }

        private static final String BORROWER = "lenders.borrower";
        private static final String START = "lenders.start";
        private static final String LENDER = "lenders.lender";
        private static final String WEIGHT = "lenders.weight";

        void save(ColumnFolderWriter out) {
            out.ints(BORROWER, borrower, borrower.length);
            out.ints(START, start, start.length);
            out.ints(LENDER, lender, lender.length);
            out.floats(WEIGHT, weight, weight.length);
        }

        static Lenders load(ColumnFolder in) {
            return new Lenders(in.ints(BORROWER), in.ints(START), in.ints(LENDER), in.floats(WEIGHT));
        }
    }
}
