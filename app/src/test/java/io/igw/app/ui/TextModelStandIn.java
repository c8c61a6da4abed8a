package io.igw.app.ui;

import io.igw.engine.text.TextEncoder;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in for the text model in screen tests: a text's vector counts its pairs of characters, so a name is
 * closest to itself and to spellings near it, and nothing is loaded.
 */
public final class TextModelStandIn implements TextEncoder {
    // wide enough that two short texts rarely share a bucket by chance ("qqqq xxxx" and 升级 did at 64)
    private static final int D = 1024;

    @Override
    public String model() {
        return "character-pairs";
    }

    @Override
    public int dimensions() {
        return D;
    }

    @Override
    public float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][D];
        for (int t = 0; t < texts.size(); t++) {
            String s = texts.get(t) == null ? "" : texts.get(t).toLowerCase(Locale.ROOT);
            for (int c = 0; c + 1 < s.length(); c++) {
                out[t][Math.floorMod(s.charAt(c) * 31 + s.charAt(c + 1), D)] += 1;
            }
            double norm = 0;
            for (float x : out[t]) {
                norm += x * x;
            }
            for (int d = 0; d < D && norm > 0; d++) {
                out[t][d] /= (float) Math.sqrt(norm);
            }
        }
        return out;
    }
}
