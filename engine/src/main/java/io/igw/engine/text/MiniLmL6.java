package io.igw.engine.text;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0 licence), quantised, run in-process on ONNX Runtime from a jar:
 * an English model (384 dimensions), for English text beside the Chinese-first {@link BgeSmallZh} (decision 0016).
 * It lower-cases as it tokenises; loaded on the first {@link #encode}.
 */
public final class MiniLmL6 extends InProcessEncoder {
    public static final String MODEL = "all-minilm-l6-v2-q";

    public MiniLmL6() {
        super(MODEL, 384, AllMiniLmL6V2QuantizedEmbeddingModel::new);
    }
}
