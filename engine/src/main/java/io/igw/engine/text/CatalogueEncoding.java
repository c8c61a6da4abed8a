package io.igw.engine.text;

import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.graph.ItemTags;
import io.igw.engine.graph.TagConcepts;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.datasets.DatasetStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Encodes the catalogue's item titles and tags into vectors and keeps them in the workspace, one set per catalogue
 * version: when the catalogue has not changed, nothing is encoded (the model is not even loaded); when it has, only
 * the new or changed titles and the new tags are. Then the tags that mean the same are gathered into concepts
 * ({@link ConceptFinder}). A background job with progress and cancel; a cancelled run leaves the earlier vectors as
 * they were.
 */
public final class CatalogueEncoding implements Job<CatalogueEncoding.Result> {
    private final Workspace workspace;
    private final TextEncoder encoder;

    /** @param encoder the model to encode with; a set made by another model is encoded anew */
    public CatalogueEncoding(Workspace workspace, TextEncoder encoder) {
        this.workspace = workspace;
        this.encoder = encoder;
    }

    /**
     * What the run found and did; {@code concepts} counts the concepts of more than one form, {@code conceptTags}
     * the tags in them.
     */
    public record Result(String model, String catalogueVersion, int items, int itemsEncoded, int itemsReused, int tags,
                         int tagsEncoded, int tagsReused, int concepts, int conceptTags, double seconds) {
        /** Texts encoded per second (0 when none were). */
        public double textsPerSecond() {
            int encoded = itemsEncoded + tagsEncoded;
            return encoded == 0 || seconds == 0 ? 0 : encoded / seconds;
        }
    }

    /** Where the workspace keeps the vectors of item titles. */
    public static Path itemsFolder(Workspace workspace) {
        return workspace.folder().resolve("text-vectors").resolve("items");
    }

    /** Where the workspace keeps the vectors of tags (keyed by {@link TextVectors#hash} of the tag). */
    public static Path tagsFolder(Workspace workspace) {
        return workspace.folder().resolve("text-vectors").resolve("tags");
    }

    /** The stored title vectors, if the catalogue was encoded. */
    public static Optional<TextVectors> itemVectors(Workspace workspace) {
        return TextVectors.stored(itemsFolder(workspace));
    }

    /** The stored tag vectors, if the catalogue was encoded. */
    public static Optional<TextVectors> tagVectors(Workspace workspace) {
        return TextVectors.stored(tagsFolder(workspace));
    }

    /** The title vectors of the current catalogue, encoding it first when they are missing, old or another model's. */
    public static TextVectors currentItemVectors(Workspace workspace, TextEncoder encoder, JobContext context) {
        return current(workspace, encoder, context, true);
    }

    /** The tag vectors of the current catalogue, encoding it first when they are missing, old or another model's. */
    public static TextVectors currentTagVectors(Workspace workspace, TextEncoder encoder, JobContext context) {
        return current(workspace, encoder, context, false);
    }

    private static TextVectors current(Workspace workspace, TextEncoder encoder, JobContext context, boolean items) {
        String version = InterestGraphBuilder.catalogueVersion(new DatasetStore(workspace));
        Optional<TextVectors> v = items ? itemVectors(workspace) : tagVectors(workspace);
        boolean stale = v.isEmpty() || !isCurrent(v.get(), version, encoder) || (!items && !Arrays.equals(v.get().keys(),
                tagsByKey(workspace, version, () -> CatalogLookup.load(workspace)).keySet().stream().mapToLong(Long::longValue).toArray()));
        if (stale) {
            new CatalogueEncoding(workspace, encoder).run(context);
            v = items ? itemVectors(workspace) : tagVectors(workspace);
        }
        return v.orElseThrow();
    }

    /** Whether {@code vectors} are for this catalogue version and were made by this encoder's model. */
    static boolean isCurrent(TextVectors vectors, String version, TextEncoder encoder) {
        return vectors.version().equals(version) && vectors.model().equals(encoder.model());
    }

    /** The catalogue version's tags under their keys ({@link TextVectors#hash} of the tag), ascending. */
    static TreeMap<Long, String> tagsByKey(Workspace workspace, String version, Supplier<CatalogLookup> catalog) {
        return tagsByKey(ItemTags.of(workspace, version, catalog));
    }

    private static TreeMap<Long, String> tagsByKey(ItemTags tags) {
        TreeMap<Long, String> byKey = new TreeMap<>();
        for (String tag : tags.names()) {
            byKey.put(TextVectors.hash(tag), tag);
        }
        return byKey;
    }

    @Override
    public Result run(JobContext context) {
        long t0 = System.nanoTime();
        String version = InterestGraphBuilder.catalogueVersion(new DatasetStore(workspace));
        context.progress(0, "reading the catalogue");
        CatalogLookup catalog = CatalogLookup.load(workspace);
        long[] ids = catalog.items().keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        String[] titles = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            titles[i] = catalog.item(ids[i]).title();
        }
        context.progress(0.01, "tagging the catalogue");
        ItemTags itemTags = ItemTags.of(workspace, version, () -> catalog);
        TreeMap<Long, String> byKey = tagsByKey(itemTags);
        long[] tagKeys = byKey.keySet().stream().mapToLong(Long::longValue).toArray();
        String[] tagTexts = byKey.values().toArray(new String[0]);

        TextVectors.Encoded items = encoded(itemsFolder(workspace), ids, titles, version,
                context.part(0.02, 0.88, "titles: "));
        TextVectors.Encoded tagVectors = encoded(tagsFolder(workspace), tagKeys, tagTexts, version,
                context.part(0.9, 0.09, "tags: "));
        context.checkCancelled();
        context.progress(0.99, "gathering tags that mean the same into concepts");
        TagConcepts concepts = TagConcepts.current(workspace)
                .filter(c -> c.model().equals(ConceptFinder.madeBy(encoder.model())) && tagVectors.encoded() == 0 && c.tags() == tagKeys.length)
                .orElseGet(() -> {
                    TagConcepts found = ConceptFinder.find(itemTags, catalog, tagVectors.vectors(), version);
                    found.save(workspace);
                    return found;
                });
        context.progress(1, "done");
        return new Result(encoder.model(), version, ids.length, items.encoded(), items.reused(), tagKeys.length,
                tagVectors.encoded(), tagVectors.reused(), concepts.merged().size(),
                concepts.merged().stream().mapToInt(List::size).sum(), (System.nanoTime() - t0) / 1e9);
    }

    private TextVectors.Encoded encoded(Path folder, long[] keys, String[] texts, String version, JobContext context) {
        Optional<TextVectors> previous = TextVectors.stored(folder);
        if (previous.isPresent() && isCurrent(previous.get(), version, encoder) && Arrays.equals(previous.get().keys(), keys)) {
            return new TextVectors.Encoded(previous.get(), 0, keys.length);
        }
        TextVectors.Encoded out = TextVectors.encode(keys, texts, version, encoder, previous.orElse(null), context);
        out.vectors().save(folder);
        return out;
    }
}
