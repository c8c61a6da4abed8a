package io.igw.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.linalg.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-process model: loaded from the jar (no download), unit vectors, and closer for closer meanings. */
class BgeSmallZhTest {
    @Test
    void closerMeaningsGetCloserVectors() {
        float[][] v = new BgeSmallZh().encode(List.of("防水登山鞋", "户外徒步靴 防水", "挂耳咖啡", ""));
        assertEquals(512, v[0].length);
        assertEquals(1.0, Vectors.dot(v[0], v[0], 0), 1e-4, "unit length");
        double boots = Vectors.dot(v[0], v[1], 0);
        double coffee = Vectors.dot(v[0], v[2], 0);
        assertTrue(boots > coffee + 0.2, "hiking boots against boots " + boots + ", against coffee " + coffee);
        assertEquals(0.0, Vectors.dot(v[3], v[3], 0), "a blank text means nothing");
    }

    @Test
    void capitalisedEnglishIsReadAsTheWordsItSpells() {
        float[][] v = new BgeSmallZh().encode(List.of("Trail Running", "Coffee Makers", "trail running", "Watches", "watch"));
        assertEquals(1.0, Vectors.dot(v[0], v[2], 0), 1e-4, "case does not change what a text means");
        assertTrue(Vectors.dot(v[0], v[1], 0) < 0.9, "two different names are not one vector: " + Vectors.dot(v[0], v[1], 0));
        assertTrue(Vectors.dot(v[3], v[4], 0) > 0.7, "Watches and watch: " + Vectors.dot(v[3], v[4], 0));
    }
}
