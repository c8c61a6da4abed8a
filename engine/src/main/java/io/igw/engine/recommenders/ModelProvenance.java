package io.igw.engine.recommenders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a trained model came from: its kind and settings, the seed, the data it learned from (the datasets, users,
 * items and interactions), the library versions it ran on (DL4J, ND4J and its backend, Java, the workbench), when,
 * and its training curve (empty for closed-form models); for a model fine-tuned from an earlier one, that model's
 * id ({@code continuedFrom}, else null). Stored with the model in the registry as JSON.
 */
public record ModelProvenance(String kind, String settings, long seed, String dataVersion, int users, int items,
                              long interactions, Map<String, String> libraries, Instant trainedAt,
                              List<Training.Epoch> curve, Integer continuedFrom) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelProvenance {
        libraries = Map.copyOf(libraries);
        curve = List.copyOf(curve);
    }

    public ModelProvenance(String kind, String settings, long seed, String dataVersion, int users, int items,
                           long interactions, Map<String, String> libraries, Instant trainedAt, List<Training.Epoch> curve) {
        this(kind, settings, seed, dataVersion, users, items, interactions, libraries, trainedAt, curve, null);
    }

    /**
     * The part kept as JSON in the registry's {@code provenance} column. When and the curve have columns of their
     * own ({@code trained_at}, {@code curve}) that every release has written, so they are not repeated here.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(@JsonProperty("kind") String kind, @JsonProperty("settings") String settings,
                  @JsonProperty("seed") long seed, @JsonProperty("data_version") String dataVersion,
                  @JsonProperty("users") int users, @JsonProperty("items") int items,
                  @JsonProperty("interactions") long interactions,
                  @JsonProperty("libraries") Map<String, String> libraries,
                  @JsonProperty("continued_from") Integer continuedFrom) {
    }

    /** The JSON written to the registry. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(new Stored(kind, settings, seed, dataVersion, users, items, interactions, libraries, continuedFrom));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("provenance cannot be written as JSON", e);
        }
    }

    /** Reads what {@link #toJson} wrote (or what the registry's migration made of an older row). */
    public static ModelProvenance fromJson(String json, Instant trainedAt, List<Training.Epoch> curve) {
        try {
            Stored s = JSON.readValue(json, Stored.class);
            return new ModelProvenance(s.kind(), s.settings(), s.seed(), s.dataVersion(), s.users(), s.items(),
                    s.interactions(), s.libraries() == null ? Map.of() : s.libraries(), trainedAt, curve, s.continuedFrom());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a model's provenance is not readable JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A training curve as JSON, as the registry's {@code curve} column holds it: one object per epoch. */
    public static String curveJson(List<Training.Epoch> curve) {
        ArrayNode out = JSON.createArrayNode();
        for (Training.Epoch e : curve) {
            ObjectNode point = out.addObject().put("epoch", e.epoch());
            number(point, "loss", e.loss());
            number(point, "ndcg", e.validationNdcg());
            point.put("seconds", Math.round(e.seconds() * 1000) / 1000.0).put("best", e.best());
        }
        return out.toString();
    }

    /** Reads back what {@link #curveJson} wrote (a missing loss or NDCG is NaN); empty for blank text. */
    public static List<Training.Epoch> curveFromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<Training.Epoch> out = new ArrayList<>();
            for (JsonNode p : JSON.readTree(json)) {
                out.add(new Training.Epoch(p.path("epoch").asInt(), number(p.get("loss")), number(p.get("ndcg")),
                        p.path("seconds").asDouble(), 0, p.path("best").asBoolean()));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a model's training curve is not readable JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void number(ObjectNode node, String key, double x) {
        if (Double.isNaN(x)) {
            node.putNull(key);
        } else {
            node.put(key, Math.round(x * 1e6) / 1e6);
        }
    }

    private static double number(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }
}
