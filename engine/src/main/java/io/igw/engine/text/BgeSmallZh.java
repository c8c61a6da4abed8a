package io.igw.engine.text;

import io.igw.engine.linalg.Vectors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BAAI's bge-small-zh-v1.5 (MIT licence), quantised, run in-process on ONNX Runtime: the ONNX file and its tokenizer
 * ship inside a jar, so nothing is downloaded at run time. A Chinese-first model (512 dimensions); English text gets
 * usable but weaker vectors, and vectors should not be compared across languages (decision 0013). The model loads
 * on the first {@link #encode}, so that the window and the commands that never encode start as fast as before.
 */
public final class BgeSmallZh implements TextEncoder {
    /**
     * The model and how its input is prepared. The bundled tokenizer does not lower-case, while the model's
     * vocabulary is lower-case, so "Trail Running" was read as two unknown words (every capitalised English name
     * came out as the same vector): texts are lower-cased before encoding, and vectors made before are made anew.
     */
    public static final String MODEL = "bge-small-zh-v1.5-q-lowercased";
    private static final int DIMENSIONS = 512;

    private volatile EmbeddingModel model;

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<TextSegment> segments = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            String text = texts.get(t);
            if (text == null || text.isBlank()) {
                out[t] = new float[DIMENSIONS];
            } else {
                segments.add(TextSegment.from(text.toLowerCase(Locale.ROOT)));
                at.add(t);
            }
        }
        if (!segments.isEmpty()) {
            List<Embedding> embeddings = loaded().embedAll(segments).content();
            for (int s = 0; s < embeddings.size(); s++) {
                out[at.get(s)] = Vectors.unit(embeddings.get(s).vector());
            }
        }
        return out;
    }

    private EmbeddingModel loaded() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new BgeSmallZhV15QuantizedEmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }
}
