package io.igw.engine.text;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * BAAI's bge-small-zh-v1.5 (MIT licence), quantised, run in-process on ONNX Runtime: the ONNX file and its tokenizer
 * ship inside a jar, so nothing is downloaded at run time. A Chinese-first model (512 dimensions); English text gets
 * usable but weaker vectors, and vectors should not be compared across languages (decision 0013); English text is
 * read by {@link MiniLmL6} too ({@link Bilingual}). The model loads on the first {@link #encode}, so that the window
 * and the commands that never encode start as fast as before.
 */
public final class BgeSmallZh extends InProcessEncoder {
    /**
     * The model and how its input is prepared. The bundled tokenizer does not lower-case, while the model's
     * vocabulary is lower-case, so "Trail Running" was read as two unknown words (every capitalised English name
     * came out as the same vector): texts are lower-cased before encoding, and vectors made before are made anew.
     */
    public static final String MODEL = "bge-small-zh-v1.5-q-lowercased";

    public BgeSmallZh() {
        super(MODEL, 512, BgeSmallZhV15QuantizedEmbeddingModel::new);
    }
}
