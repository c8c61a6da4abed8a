package io.igw.engine.text;

import io.igw.engine.graph.TagConcepts;
import io.igw.engine.linalg.Vectors;
import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds what a description means, not only what it spells: the items, tags, categories or brands whose text's
 * vector is closest to the query's. Item titles and tags are read from the workspace's stored vectors (encoded first
 * when the catalogue has none or has changed since); category and brand names, a few hundred, are encoded per search.
 */
public final class TextSearch implements Job<TextSearch.Result> {
    /** What to search among. */
    public enum Kind {
        ITEM, TAG, CATEGORY, BRAND;

        /** The kind named item, tag, category or brand. */
        public static Kind named(String name) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(name)) {
                    return k;
                }
            }
            throw new InvalidSetting("kind", "'" + name + "' must be item, tag, category or brand");
        }
    }

    /**
     * One thing found: its kind, id (a tag's id is its hash), label, cosine similarity to the query and, for a tag,
     * the forms of its concept (the label, its head, first).
     */
    public record Hit(String kind, long id, String label, double similarity, List<String> forms) {
        public Hit(String kind, long id, String label, double similarity) {
            this(kind, id, label, similarity, List.of(label));
        }
    }

    /** The hits, closest first within each kind searched, with the model that compared them. */
    public record Result(String model, List<Hit> hits) {
    }

    /** Tags read per tag asked for: several forms of one concept count once. */
    private static final int CONCEPT_FORMS_PER_HIT = 3;

    private final Workspace workspace;
    private final TextEncoder encoder;
    private final String text;
    private final List<Kind> kinds;
    private final int k;

    public TextSearch(Workspace workspace, TextEncoder encoder, String text, Kind kind, int k) {
        this(workspace, encoder, text, List.of(kind), k);
    }

    /**
     * Searches several kinds for one text, reading the catalogue and encoding the text once: the {@code k} closest of
     * each kind, kind after kind.
     */
    public TextSearch(Workspace workspace, TextEncoder encoder, String text, List<Kind> kinds, int k) {
        if (text == null || text.isBlank()) {
            throw new InvalidSetting("text", "must say what to look for");
        }
        InvalidSetting.atLeast("k", k, 1);
        this.workspace = workspace;
        this.encoder = encoder;
        this.text = text.strip();
        this.kinds = List.copyOf(kinds);
        this.k = k;
    }

    @Override
    public Result run(JobContext context) {
        CatalogLookup catalog = CatalogLookup.load(workspace);
        float[] query = encoder.encode(List.of(text))[0];
        List<Hit> hits = new ArrayList<>();
        for (int n = 0; n < kinds.size(); n++) {
            context.checkCancelled();
            hits.addAll(search(kinds.get(n), catalog, query,
                    context.part((double) n / kinds.size(), 1.0 / kinds.size(), null)));
        }
        return new Result(encoder.model(), hits);
    }

    private List<Hit> search(Kind kind, CatalogLookup catalog, float[] query, JobContext context) {
        return switch (kind) {
            case ITEM -> CatalogueEncoding.currentItemVectors(workspace, encoder, context).nearest(query, k).stream()
                    .map(m -> new Hit("item", m.key(), title(catalog, m.key()), m.similarity())).toList();
            case TAG -> tags(context, catalog, query);
            case CATEGORY -> categories(catalog, query);
            case BRAND -> {
                TreeSet<String> brands = new TreeSet<>();
                catalog.items().values().forEach(i -> {
                    if (i.brand() != null && !i.brand().isBlank()) {
                        brands.add(i.brand());
                    }
                });
                List<String> labels = new ArrayList<>(brands);
                yield ranked("brand", labels.stream().map(TextVectors::hash).toList(), labels, query);
            }
        };
    }

    private static String title(CatalogLookup catalog, long id) {
        CatalogLookup.Item item = catalog.item(id);
        return item == null || item.title() == null ? Long.toString(id) : item.title();
    }

    private List<Hit> tags(JobContext context, CatalogLookup catalog, float[] query) {
        TextVectors vectors = CatalogueEncoding.currentTagVectors(workspace, encoder, context);
        TreeMap<Long, String> names = CatalogueEncoding.tagsByKey(workspace, vectors.version(), () -> catalog);
        TagConcepts concepts = TagConcepts.currentOrNone(workspace);
        java.util.Map<String, Hit> byConcept = new java.util.LinkedHashMap<>();
        for (TextVectors.Match m : vectors.nearest(query, k * CONCEPT_FORMS_PER_HIT)) {
            String head = concepts.headOf(names.getOrDefault(m.key(), ""));
            byConcept.putIfAbsent(head, new Hit("tag", TextVectors.hash(head), head, m.similarity(), concepts.formsOf(head)));
        }
        return byConcept.values().stream().limit(k).toList();
    }

    /** Categories by the closer of their two names (English and Chinese): vectors are not compared across languages. */
    private List<Hit> categories(CatalogLookup catalog, float[] query) {
        List<Long> ids = new ArrayList<>(new TreeSet<>(catalog.categories().keySet()));
        List<String> names = new ArrayList<>();
        for (long id : ids) {
            CatalogLookup.Category c = catalog.category(id);
            names.add(c.name() == null ? "" : c.name());
            names.add(c.nameZh() == null ? "" : c.nameZh());
        }
        float[][] vectors = encoder.encode(names);
        List<Hit> all = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            double similarity = Math.max(Vectors.dot(query, vectors[2 * i], 0), Vectors.dot(query, vectors[2 * i + 1], 0));
            CatalogLookup.Category c = catalog.category(ids.get(i));
            String label = c.name() != null && c.nameZh() != null ? c.name() + " / " + c.nameZh() : c.label();
            all.add(new Hit("category", ids.get(i), label, similarity));
        }
        return closest(all);
    }

    private List<Hit> closest(List<Hit> all) {
        all.sort(Comparator.comparingDouble(Hit::similarity).reversed());
        return all.subList(0, Math.min(k, all.size()));
    }

    private List<Hit> ranked(String what, List<Long> ids, List<String> labels, float[] query) {
        float[][] vectors = encoder.encode(labels);
        List<Hit> all = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            all.add(new Hit(what, ids.get(i), labels.get(i), Vectors.dot(query, vectors[i], 0)));
        }
        return closest(all);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "search %s for '%s'",
                kinds.stream().map(x -> x.name().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(", ")), text);
    }
}
