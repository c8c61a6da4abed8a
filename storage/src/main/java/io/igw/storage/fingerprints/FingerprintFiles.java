package io.igw.storage.fingerprints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * One sorted fingerprint file per complete dataset ({@code <id>.fp}), beside the database. Together they answer
 * "was this exact row imported before?" without keeping anything on the heap.
 */
public final class FingerprintFiles {
    /** The fingerprint files of a workspace ({@code fingerprints/} in its folder). */
    public static FingerprintFiles of(io.igw.storage.Workspace workspace) {
        return new FingerprintFiles(workspace.folder().resolve("fingerprints"));
    }

    private final Path dir;

    public FingerprintFiles(Path dir) {
        this.dir = dir;
    }

    Path fileOf(int datasetId) {
        return dir.resolve(datasetId + ".fp");
    }

    Path scratchDir(int datasetId) {
        return dir.resolve("importing-" + datasetId);
    }

    /** Starts the fingerprint index of a new import, which sees every listed earlier dataset. */
    public FingerprintIndex openIndex(int datasetId, Collection<Integer> earlierDatasets) {
        return openIndex(datasetId, earlierDatasets, Long.MAX_VALUE);
    }

    /**
     * As {@link #openIndex(int, Collection)}, with the in-memory table sized for about {@code expectedRows} (a small
     * file gets a small table; the table never grows past its fixed maximum, it spills instead).
     */
    public FingerprintIndex openIndex(int datasetId, Collection<Integer> earlierDatasets, long expectedRows) {
        List<SortedLongFile> earlier = new ArrayList<>();
        for (int id : earlierDatasets) {
            Path f = fileOf(id);
            if (SortedLongFile.exists(f)) {
                earlier.add(SortedLongFile.map(f));
            }
        }
        try {
            Files.createDirectories(scratchDir(datasetId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long wanted = Math.max(1024, Math.min(FingerprintIndex.DEFAULT_SLOTS, expectedRows * 2));
        return new FingerprintIndex(earlier, scratchDir(datasetId), fileOf(datasetId), (int) wanted);
    }

    public void delete(int datasetId) {
        try {
            Files.deleteIfExists(fileOf(datasetId));
            deleteTree(scratchDir(datasetId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes fingerprint files and scratch folders of datasets that are not complete. */
    public void retainOnly(Collection<Integer> completeDatasets) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith("importing-")) {
                    deleteTree(p);
                } else if (name.endsWith(".fp")) {
                    String id = name.substring(0, name.length() - 3);
                    if (!id.chars().allMatch(Character::isDigit) || !completeDatasets.contains(Integer.parseInt(id))) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            List<Path> all = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            for (Path q : all) {
                Files.deleteIfExists(q);
            }
        }
    }
}
