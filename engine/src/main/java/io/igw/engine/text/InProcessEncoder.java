package io.igw.engine.text;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.igw.engine.linalg.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A text model that ships inside a jar and runs on ONNX Runtime, loaded on the first {@link #encode} (so that the
 * window and the commands that never encode start as fast as before). Texts are lower-cased first; a blank text gets
 * the zero vector.
 */
abstract class InProcessEncoder implements TextEncoder {
    private final String name;
    private final int dimensions;
    private final Supplier<EmbeddingModel> load;
    private volatile EmbeddingModel model;

    InProcessEncoder(String name, int dimensions, Supplier<EmbeddingModel> load) {
        this.name = name;
        this.dimensions = dimensions;
        this.load = load;
    }

    @Override
    public final String model() {
        return name;
    }

    @Override
    public final int dimensions() {
        return dimensions;
    }

    @Override
    public final float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<TextSegment> segments = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            String text = texts.get(t);
            if (text == null || text.isBlank()) {
                out[t] = new float[dimensions];
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
                    model = load.get();
                }
                m = model;
            }
        }
        return m;
    }
}
