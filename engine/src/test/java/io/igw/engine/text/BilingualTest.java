package io.igw.engine.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.linalg.Vectors;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chinese text read by the Chinese model, English by the English one too, in one space of unit vectors. */
class BilingualTest {
    private static double dot(float[] a, float[] b) {
        return Vectors.dot(a, b, 0);
    }

    @Test
    void englishIsReadByTheEnglishModelAndChineseByTheChineseOne() {
        Bilingual model = new Bilingual();
        assertEquals(Bilingual.MODEL, model.model());
        assertEquals(512 + 384, model.dimensions());
        List<String> texts = List.of("noise-cancelling headphones", "Sony over-ear headphones", "frying pan", "yoga pants",
                "降噪耳机", "蓝牙耳机", "平底锅", "");
        float[][] v = model.encode(texts);
        for (int t = 0; t < texts.size() - 1; t++) {
            assertEquals(1.0, dot(v[t], v[t]), 1e-4, "unit length: " + texts.get(t));
        }
        assertEquals(0.0, dot(v[7], v[7]), "a blank text means nothing");
        // a Chinese text is its BGE vector, nothing from the English model
        float[] bge = new BgeSmallZh().encode(List.of("降噪耳机"))[0];
        assertArrayEquals(bge, Arrays.copyOf(v[4], 512), 1e-6f);
        assertTrue(Arrays.equals(new float[384], Arrays.copyOfRange(v[4], 512, 896)));
        // English: what it means, not how it is spelt ("pan" in "pants")
        assertTrue(dot(v[0], v[1]) > 0.5, "headphones and headphones: " + dot(v[0], v[1]));
        assertTrue(dot(v[2], v[3]) < 0.3, "a frying pan is not yoga pants: " + dot(v[2], v[3]));
        assertTrue(dot(v[0], v[1]) > dot(v[0], v[3]) + 0.3);
        // Chinese as before; across languages, damped
        assertTrue(dot(v[4], v[5]) > dot(v[4], v[6]) + 0.2, "耳机 and 耳机 against a pan");
        assertTrue(dot(v[0], v[4]) < 0.3, "across languages the Chinese model's similarity counts for little: " + dot(v[0], v[4]));
    }
}
