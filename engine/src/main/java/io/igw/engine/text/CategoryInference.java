package io.igw.engine.text;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.graph.InferredCategories;
import io.igw.engine.linalg.Blas;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Categories for items that have none (logs whose catalogue lacks them, items added since): each such item takes
 * the category its closest categorised items share, by title vector — the {@code neighbours} nearest vote, each by
 * its similarity — with a confidence, the winning category's share of the votes. The inferred categories are kept
 * apart from the catalogue's ({@code text-vectors/inferred-categories}, with the model and catalogue version), so
 * nothing downstream can mistake one for the other.
 */
public final class CategoryInference implements Job<CategoryInference.Result> {
    /** Items whose neighbours are found per matrix product. */
    private static final int ROWS = 256;

    /** An item's inferred category and how sure the vote was (0 to 1). */
    public record Inferred(long itemId, long categoryId, double confidence) {
    }

    /** What was inferred, for which catalogue version, by which model, from how many categorised items. */
    public record Result(String model, String catalogueVersion, int categorised, List<Inferred> inferred) {
    }

    private final Workspace workspace;
    private final TextEncoder encoder;
    private final int neighbours;

    public CategoryInference(Workspace workspace, TextEncoder encoder, int neighbours) {
        InvalidSetting.atLeast("neighbours", neighbours, 1);
        this.workspace = workspace;
        this.encoder = encoder;
        this.neighbours = neighbours;
    }

    @Override
    public Result run(JobContext context) {
        TextVectors vectors = CatalogueEncoding.currentItemVectors(workspace, encoder, context.part(0, 0.6, "catalogue: "));
        CatalogLookup catalog = CatalogLookup.load(workspace);
        List<Long> known = new ArrayList<>();
        List<Long> knownCategory = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (long id : vectors.keys()) {
            CatalogLookup.Item item = catalog.item(id);
            if (item == null || item.title() == null || item.title().isBlank()) {
                continue;
            }
            if (item.categoryId() == null) {
                unknown.add(id);
            } else {
                known.add(id);
                knownCategory.add(item.categoryId());
            }
        }
        List<Inferred> inferred = infer(vectors, toArray(known), toArray(knownCategory), toArray(unknown), neighbours,
                context.part(0.6, 0.38, "inferring: "));
        Result result = new Result(vectors.model(), vectors.version(), known.size(), inferred);
        save(result);
        context.progress(1, inferred.size() + " items given a category");
        return result;
    }

    /**
     * The category each of {@code queries} would take from its {@code k} nearest among {@code labelled} (whose
     * categories are {@code categories}), by the vectors in {@code vectors}.
     */
    public static List<Inferred> infer(TextVectors vectors, long[] labelled, long[] categories, long[] queries, int k,
                                       JobContext context) {
        int d = vectors.dimensions();
        float[] known = vectors.rows(labelled);
        List<Inferred> out = new ArrayList<>(queries.length);
        if (labelled.length == 0) {
            return out;
        }
        float[] sims = new float[ROWS * labelled.length];
        for (int from = 0; from < queries.length; from += ROWS) {
            context.checkCancelled();
            int rows = Math.min(ROWS, queries.length - from);
            long[] batch = java.util.Arrays.copyOfRange(queries, from, from + rows);
            Blas.gemm(false, true, rows, labelled.length, d, 1f, vectors.rows(batch), known, 0f, sims);
            for (int r = 0; r < rows; r++) {
                out.add(vote(batch[r], sims, r * labelled.length, labelled.length, categories, k));
            }
            context.progress((double) (from + rows) / queries.length, (from + rows) + " of " + queries.length + " items");
        }
        return out;
    }

    /** The similarity-weighted vote of the {@code k} nearest labelled items. */
    private static Inferred vote(long item, float[] sims, int offset, int n, long[] categories, int k) {
        int[] top = new int[Math.min(k, n)];
        int size = 0;
        for (int j = 0; j < n; j++) {
            float s = sims[offset + j];
            if (size < top.length) {
                top[size++] = j;
            } else if (s > sims[offset + top[size - 1]]) {
                top[size - 1] = j;
            } else {
                continue;
            }
            for (int p = size - 1; p > 0 && sims[offset + top[p]] > sims[offset + top[p - 1]]; p--) {
                int t = top[p];
                top[p] = top[p - 1];
                top[p - 1] = t;
            }
        }
        Map<Long, Double> votes = new HashMap<>();
        double total = 0;
        for (int t = 0; t < size; t++) {
            double w = Math.max(0, sims[offset + top[t]]);
            votes.merge(categories[top[t]], w, Double::sum);
            total += w;
        }
        long best = categories[top[0]];
        double bestVotes = -1;
        for (Map.Entry<Long, Double> e : votes.entrySet()) {
            if (e.getValue() > bestVotes || (e.getValue() == bestVotes && e.getKey() < best)) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        return new Inferred(item, best, total == 0 ? 0 : bestVotes / total);
    }

    private void save(Result r) {
        int n = r.inferred().size();
        long[] items = new long[n];
        long[] categories = new long[n];
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
            items[i] = r.inferred().get(i).itemId();
            categories[i] = r.inferred().get(i).categoryId();
            confidence[i] = (float) r.inferred().get(i).confidence();
        }
        new InferredCategories(r.model(), r.catalogueVersion(), r.categorised(), items, categories, confidence).save(workspace);
    }

    /** The inferred categories stored for the workspace's current catalogue, if it has any. */
    public static Optional<Result> stored(Workspace workspace) {
        return InferredCategories.current(workspace).map(c -> {
            List<Inferred> out = new ArrayList<>(c.size());
            for (int i = 0; i < c.size(); i++) {
                out.add(new Inferred(c.itemId(i), c.categoryId(i), c.confidence(i)));
            }
            return new Result(c.model(), c.catalogueVersion(), c.categorised(), out);
        });
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
