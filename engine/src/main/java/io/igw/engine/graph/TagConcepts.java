package io.igw.engine.graph;

import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolderWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tags that mean the same, gathered into concepts ({@code igw encode} finds them from the tag vectors and the
 * catalogue, and keeps them beside the vectors). A concept is named by its commonest surface form, its
 * <em>head</em>, and lists every form it was written as: "火锅底料" with "麻辣火锅底料". A tag that is in no
 * concept is a concept of one form, itself.
 *
 * <p>The graph, item features, targeting and the explorer all see concepts where the catalogue has tags: a user
 * interested in items tagged with either form has one interest, in the concept; a target or a search may use any
 * form.
 */
public final class TagConcepts {
    /** The graph's separator between a concept's forms, in {@link GraphColumns#TAG_FORMS}. */
    public static final char FORM_SEPARATOR = '\t';
    private static final TagConcepts NONE = new TagConcepts("none", "", new String[0], new String[0]);

    private final String model;
    private final String catalogueVersion;
    private final String[] tags;
    private final String[] heads;
    private final Map<String, String> headOf = new HashMap<>();
    private final Map<String, List<String>> formsOf = new LinkedHashMap<>();

    /** @param heads the head of the concept each of {@code tags} belongs to, in the same order (heads first in it) */
    public TagConcepts(String model, String catalogueVersion, String[] tags, String[] heads) {
        if (tags.length != heads.length) {
            throw new IllegalArgumentException("one head per tag is required");
        }
        this.model = model;
        this.catalogueVersion = catalogueVersion;
        this.tags = tags.clone();
        this.heads = heads.clone();
        for (int i = 0; i < tags.length; i++) {
            headOf.put(tags[i], heads[i]);
            formsOf.computeIfAbsent(heads[i], h -> new ArrayList<>(List.of(h)));
            if (!tags[i].equals(heads[i])) {
                formsOf.get(heads[i]).add(tags[i]);
            }
        }
    }

    /** No concepts: every tag stands for itself. */
    public static TagConcepts none() {
        return NONE;
    }

    /** Where the workspace keeps them. */
    public static Path folder(Workspace workspace) {
        return workspace.folder().resolve("text-vectors").resolve("concepts");
    }

    /** Those stored for the workspace's current catalogue, if any. */
    public static Optional<TagConcepts> current(Workspace workspace) {
        return CatalogueDerived.current(workspace, folder(workspace)).map(f -> new TagConcepts(f.strings("about")[0],
                f.strings("about")[1], f.strings("tags"), f.strings("heads")));
    }

    /** The current ones, or {@link #none()} when the catalogue was not encoded. */
    public static TagConcepts currentOrNone(Workspace workspace) {
        return current(workspace).orElse(NONE);
    }

    /** Replaces what the workspace keeps, in one rename. */
    public void save(Workspace workspace) {
        try (ColumnFolderWriter w = new ColumnFolderWriter(folder(workspace))) {
            w.strings("about", new String[]{model, catalogueVersion});
            w.strings("tags", tags);
            w.strings("heads", heads);
            w.commit();
        }
    }

    public String model() {
        return model;
    }

    public String catalogueVersion() {
        return catalogueVersion;
    }

    /** The concept a tag belongs to, named by its head (the tag itself when it is in none). */
    public String headOf(String tag) {
        return headOf.getOrDefault(tag, tag);
    }

    /** A concept's forms, its head first (just the tag, when it is in no concept). */
    public List<String> formsOf(String tag) {
        return formsOf.getOrDefault(headOf(tag), List.of(tag));
    }

    /** The concepts of more than one form, each as its forms, head first; larger ones first. */
    public List<List<String>> merged() {
        return formsOf.values().stream().filter(f -> f.size() > 1)
                .sorted((a, b) -> b.size() != a.size() ? b.size() - a.size() : a.get(0).compareTo(b.get(0)))
                .map(List::copyOf).toList();
    }

    /** How many tags were read (those in no concept included). */
    public int tags() {
        return tags.length;
    }

    /**
     * What a graph build records of them, so that a later update knows whether they changed: the model and a hash of
     * the grouping.
     */
    String stamp() {
        return "concepts " + model + " #" + Integer.toHexString(31 * Arrays.hashCode(tags) + Arrays.hashCode(heads));
    }

    /** A concept's forms as the graph keeps them, one string. */
    static String joined(List<String> forms) {
        return String.join(String.valueOf(FORM_SEPARATOR), forms);
    }

    /** The inverse of {@link #joined}. */
    static List<String> split(String joined) {
        return List.of(joined.split(String.valueOf(FORM_SEPARATOR)));
    }
}
