package io.igw.engine.recommenders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.storage.Behaviour;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The sequence model: its mask looks only backwards, it learns an order a bag of items cannot see, it keeps. */
class SequenceTransformerTest {
    private static final SequenceTransformer.Settings TINY = new SequenceTransformer.Settings(16, 2, 2, 12, 0.1, 5e-3,
            10, 32, 15, 4, 50_000, 512);

    @Test
    void aPositionNeverSeesTheActionsAfterIt() {
        SequenceNetwork network = new SequenceNetwork(new SequenceNetwork.Shape(30, 16, 2, 2, 12, 0), 0.2, 3);
        Session before = new Session(new int[]{4, 9, 2, 7, 11}, new byte[]{1, 1, 3, 4, 1}, new long[]{100, 200, 4000, 9000, 99_000});
        Session changed = new Session(new int[]{4, 9, 2, 25, 0}, new byte[]{1, 1, 3, 2, 5}, new long[]{100, 200, 4000, 4100, 4200});
        INDArray a = network.hiddenStates(SequenceBatch.toScore(List.of(before), 12));
        INDArray b = network.hiddenStates(SequenceBatch.toScore(List.of(changed), 12));
        int t = 5;
        for (int p = 0; p < 3; p++) {
            assertArrayEquals(a.get(point(0), point(p), all()).toFloatVector(), b.get(point(0), point(p), all()).toFloatVector(),
                    1e-5f, "position " + p + " does not depend on positions 3 and 4");
        }
        assertFalse(java.util.Arrays.equals(a.get(point(0), point(t - 1), all()).toFloatVector(),
                b.get(point(0), point(t - 1), all()).toFloatVector()), "the last position does see its own action");
    }

    @Test
    void learnsAnOrderThatABagOfItemsCannotSee() throws Exception {
        // every user walks a cycle of 20 items from a random start: the next item is the one after the last
        int items = 20;
        int[][] sequences = cycles(300, items, 5);
        Interactions all = Interactions.ofSequences(items, sequences, Behaviour.VIEW.code());
        Split split = Split.of(all, Split.Kind.LEAVE_LAST, 0.8, 1);
        Recommender sequence = new SequenceTransformer.Trainer(TINY).train(split.train(), Training.quiet(1));
        Recommender pop = new Popularity.Trainer().train(split.train(), Training.quiet(1));
        double ours = Ranking.measure(sequence, split.train(), split.test(), 1, null).get("hr@1");
        double bag = Ranking.measure(pop, split.train(), split.test(), 1, null).get("hr@1");
        assertTrue(ours > 0.8, "the next item of the cycle comes first for most users: hr@1 " + ours);
        assertTrue(ours > bag + 0.5, "far above popularity's " + bag);
        assertFalse(sequence.provenance().curve().isEmpty());
    }

    @Test
    void scoresTheSameAfterSavingAndReadingBack(@TempDir Path dir) throws Exception {
        int[][] sequences = {{0, 1, 2, 3}, {1, 2, 3, 4}, {2, 3, 4, 0}, {3, 4, 0, 1}};
        Interactions all = Interactions.ofSequences(5, sequences, Behaviour.CART.code());
        SequenceTransformer.Settings settings = TINY.withEpochs(2, 2);
        SequenceTransformer.Trainer trainer = new SequenceTransformer.Trainer(settings);
        Recommender model = trainer.train(all, Training.quiet(2));
        Session session = new Session(new int[]{0, 1}, new byte[]{1, 3}, new long[]{1000, 5000});
        float[] first = new float[5];
        float[] again = new float[5];
        model.score(session, first);
        model.score(session, again);
        assertArrayEquals(first, again, "scoring uses no dropout");
        try (ColumnFolderWriter out = new ColumnFolderWriter(dir.resolve("m"))) {
            model.save(out);
            out.commit();
        }
        Recommender back = trainer.load(ColumnFolder.open(dir.resolve("m")), model.provenance());
        float[] read = new float[5];
        back.score(session, read);
        assertArrayEquals(first, read, 1e-6f);
        List<List<Reason>> because = back.because(session, new int[]{2, 3}, 2);
        assertEquals(2, because.get(0).size());
        assertEquals(Behaviour.CART.code(), because.get(0).stream().filter(r -> r.item() == 1).findFirst().orElseThrow().behaviour());
        assertEquals(16, ((UserFeatures) back).features(session).length);
    }

    @Test
    void fineTunesFromItsOwnWeightsAndStartsNewItemsFromTheirCategory() throws Exception {
        // 20 items in a cycle; item 20 is new in the later data, in the "even" category
        int[][] before = cycles(200, 20, 11);
        int[][] later = new int[260][];
        System.arraycopy(before, 0, later, 0, before.length);
        int[][] newcomers = cycles(60, 20, 12);
        for (int u = 0; u < newcomers.length; u++) {
            later[before.length + u] = u % 3 == 0 ? append(newcomers[u], 20) : newcomers[u];
        }
        Interactions old = Interactions.ofSequences(21, before, Behaviour.VIEW.code());
        Interactions now = Interactions.ofSequences(21, later, Behaviour.VIEW.code());
        java.util.function.LongFunction<List<String>> category = id -> List.of(id % 2 == 0 ? "category:even" : "category:odd");
        SequenceTransformer.Trainer trainer = new SequenceTransformer.Trainer(TINY, category);
        SequenceTransformer first = (SequenceTransformer) trainer.train(old, Training.quiet(1));

        SequenceNetwork started = new SequenceNetwork(new SequenceNetwork.Shape(21, 16, 2, 2, 12, 0), 0.1, 9);
        assertEquals(1, WarmStart.copy(first.network(), old, started, now, category), "one new item, from its category");
        INDArray evenMean = first.network().itemEmbedding().getRows(1, 3, 5, 7, 9, 11, 13, 15, 17, 19).mean(0);
        assertArrayEquals(evenMean.toFloatVector(), started.itemEmbedding().getRow(21).toFloatVector(), 1e-5f);
        assertArrayEquals(first.network().itemEmbedding().getRow(4).toFloatVector(), started.itemEmbedding().getRow(4).toFloatVector());
        boolean[] changed = WarmStart.usersWithNewActions(old, now);
        assertFalse(changed[0], "a user with nothing new is not relearned");
        assertTrue(changed[before.length], "a new user is");

        Recommender tuned = trainer.continueFrom(first, 7, old, now, Training.quiet(1));
        assertEquals(7, tuned.provenance().continuedFrom());
        assertEquals(now.size(), tuned.provenance().interactions());
        Split split = Split.of(now, Split.Kind.LEAVE_LAST, 0.8, 1);
        assertTrue(Ranking.measure(tuned, split.train(), split.test(), 1, null).get("hr@1") > 0.7,
                "still knows the cycle");
        assertEquals(21, tuned.items());
    }

    private static int[][] cycles(int users, int items, long seed) {
        Random random = new Random(seed);
        int[][] sequences = new int[users][];
        for (int u = 0; u < users; u++) {
            int start = random.nextInt(items);
            sequences[u] = new int[4 + random.nextInt(6)];
            for (int p = 0; p < sequences[u].length; p++) {
                sequences[u][p] = (start + p) % items;
            }
        }
        return sequences;
    }

    private static int[] append(int[] a, int x) {
        int[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = x;
        return out;
    }

    @Test
    void bucketsGapsByMinutesOnALogScale() {
        assertEquals(0, SequenceBatch.gapBucket(0, 500), "unknown time");
        assertEquals(1, SequenceBatch.gapBucket(1000, 1000), "same second");
        assertEquals(2, SequenceBatch.gapBucket(1000, 1060), "a minute");
        assertEquals(SequenceNetwork.GAPS - 1, SequenceBatch.gapBucket(1, 10L * 365 * 86400), "years are the last bucket");
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex point(int i) {
        return org.nd4j.linalg.indexing.NDArrayIndex.point(i);
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex all() {
        return org.nd4j.linalg.indexing.NDArrayIndex.all();
    }
}
