package io.igw.storage.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graph builds: the newest five and every pinned one are kept; a build appears only once complete; recovery. */
class GraphStoreTest {
    @TempDir
    Path tmp;

    private static int build(GraphStore store) {
        int id = store.begin(1000L, 14, "half_life_days=14.0", "datasets 1", null);
        try (ColumnFolderWriter w = store.writer(id)) {
            w.ints("x", new int[]{id}, 1);
            w.commit();
        }
        store.complete(id, 10, 0.1);
        return id;
    }

    @Test
    void theNewestFiveAndEveryPinnedBuildAreKept() {
        try (Workspace ws = Workspace.open(tmp.resolve("w"), true)) {
            GraphStore store = new GraphStore(ws);
            int first = build(store);
            store.pin(first, "before the sale");
            for (int k = 0; k < 7; k++) {
                build(store);
            }
            List<GraphBuild> kept = store.list();
            assertEquals(GraphStore.KEEP_UNPINNED + 1, kept.size(), kept.toString());
            assertTrue(kept.stream().anyMatch(b -> b.id() == first && "before the sale".equals(b.pinnedAs())));
            assertEquals(first + 7, store.latest().orElseThrow().id());
            assertFalse(Files.exists(store.columnsPath(first + 1)), "a dropped build's folder goes with it");
            assertEquals(first + 7, store.columns(first + 7).ints("x")[0]);
            assertThrows(IllegalArgumentException.class, () -> store.pin(first + 1, "gone"));
        }
    }

    @Test
    void anUnfinishedBuildIsInvisibleAndRemovedOnOpen() {
        Path folder = tmp.resolve("w2");
        int unfinished;
        try (Workspace ws = Workspace.open(folder, true)) {
            GraphStore store = new GraphStore(ws);
            build(store);
            unfinished = store.begin(2000L, 14, "half_life_days=14.0", "datasets 1,2", 1);
            try (ColumnFolderWriter w = store.writer(unfinished)) {
                w.ints("x", new int[]{1}, 1);
                w.commit();   // written, but never marked complete: as after a kill
            }
            assertEquals(1, store.list().size(), "only complete builds are listed");
        }
        try (Workspace ws = Workspace.open(folder, false)) {
            GraphStore store = new GraphStore(ws);
            assertEquals(1, store.list().size());
            assertFalse(ColumnFolder.exists(store.columnsPath(unfinished)), "the half-made build's folder is removed");
            assertTrue(store.find(unfinished).isEmpty());
        }
    }
}
