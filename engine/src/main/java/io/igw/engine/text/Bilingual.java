package io.igw.engine.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The workbench's text model: Chinese text by the Chinese-first {@link BgeSmallZh}, English text by the English
 * {@link MiniLmL6} as well, in one vector space (decision 0016). A text's vector is the two models' vectors side by
 * side: a Chinese text (any Han character) is {@code [bge, 0]}; any other is {@code [a·bge, b·minilm]} with
 * {@code a² + b² = 1}. So two Chinese texts compare by BGE, two English texts mostly by MiniLM
 * ({@code a²·bge + b²·minilm}), and an English text with a Chinese one by BGE damped by {@code a}: across languages
 * the Chinese-first model's similarities are weak, and they count for less. Each model loads when first needed.
 */
public final class Bilingual implements TextEncoder {
    /** The weight of BGE in an English text's vector; MiniLM's is {@code sqrt(1 - A²)}. */
    static final float A = 0.3f;
    /** The name its vectors are recorded under. */
    public static final String MODEL = BgeSmallZh.MODEL + "+" + MiniLmL6.MODEL + "@" + A;
    private static final float B = (float) Math.sqrt(1 - A * A);

    private final TextEncoder chinese;
    private final TextEncoder english;

    public Bilingual() {
        this(new BgeSmallZh(), new MiniLmL6());
    }

    Bilingual(TextEncoder chinese, TextEncoder english) {
        this.chinese = chinese;
        this.english = english;
    }

    @Override
    public String model() {
        return chinese.model() + "+" + english.model() + "@" + A;
    }

    @Override
    public int dimensions() {
        return chinese.dimensions() + english.dimensions();
    }

    /**
     * BGE puts unrelated short Chinese texts at 0.3–0.5 and paraphrases above 0.6; MiniLM puts unrelated English ones
     * at 0.3 and below and paraphrases from 0.45 ("noise-cancelling headphones" and "Sony over-ear headphones": 0.62).
     */
    @Override
    public double relatedAbove(String text) {
        return text != null && Script.of(text) != Script.HAN ? 0.45 : 0.6;
    }

    @Override
    public float[][] encode(List<String> texts) {
        float[][] zh = chinese.encode(texts);
        List<String> notChinese = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            String text = texts.get(t);
            if (text != null && !text.isBlank() && Script.of(text) != Script.HAN) {
                notChinese.add(text);
                at.add(t);
            }
        }
        float[][] en = notChinese.isEmpty() ? new float[0][] : english.encode(notChinese);
        float[][] out = new float[texts.size()][dimensions()];
        int c = chinese.dimensions();
        for (int t = 0; t < texts.size(); t++) {
            System.arraycopy(zh[t], 0, out[t], 0, c);
        }
        for (int k = 0; k < at.size(); k++) {
            float[] v = out[at.get(k)];
            for (int d = 0; d < c; d++) {
                v[d] *= A;
            }
            for (int d = 0; d < english.dimensions(); d++) {
                v[c + d] = B * en[k][d];
            }
        }
        return out;
    }
}
