package io.igw.engine.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.igw.engine.graph.GraphKind;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestGraph;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportReport;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.recommenders.ModelTraining;
import io.igw.engine.recommenders.Recommendations;
import io.igw.engine.recommenders.StoredModel;
import io.igw.engine.report.ReportBuilder;
import io.igw.engine.report.ReportContent;
import io.igw.engine.report.ReportSection;
import io.igw.engine.rules.AssociationRules;
import io.igw.engine.rules.RuleMining;
import io.igw.engine.targeting.AudiencePreview;
import io.igw.engine.targeting.AudienceSpec;
import io.igw.engine.targeting.Target;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the bundled {@code sample-data/} against committed expected outputs
 * ({@code src/test/resources/golden/sample-data.json}): the import's counts; five users' top category interests;
 * the top 10 of pop, item-kNN and EASE for three users; an audience's size, eligible users and expected lift; the
 * strongest rules; and the report's sections and tables. Counts, ids and section names must match exactly; scores
 * within {@value #SCORE_TOLERANCE} (float sums may be ordered differently by a JIT or a BLAS build), lifts within
 * {@value #LIFT_TOLERANCE}. When a change is meant to alter an output, run with {@code -Digw.golden.update=true},
 * read the diff of the JSON, and commit it with the reason.
 */
class SampleDataGoldenIT {
    static final double SCORE_TOLERANCE = 1e-4;
    static final double LIFT_TOLERANCE = 1e-3;
    private static final Path SAMPLE = Path.of("..", "sample-data");
    private static final Path EXPECTED = Path.of("src/test/resources/golden/sample-data.json");
    private static final long[] USERS = {1, 2, 3, 50, 200};

    @TempDir
    Path tmp;

    @Test
    void theSampleDataGivesTheCommittedAnswers() throws Exception {
        Map<String, Object> actual = new LinkedHashMap<>();
        try (Workspace ws = Workspace.open(tmp.resolve("golden"), true)) {
            Map<DatasetKind, Path> catalogues = new EnumMap<>(DatasetKind.class);
            catalogues.put(DatasetKind.CATEGORIES, SAMPLE.resolve("categories.csv"));
            catalogues.put(DatasetKind.ITEMS, SAMPLE.resolve("items.csv"));
            catalogues.put(DatasetKind.USERS, SAMPLE.resolve("users.csv"));
            catalogues.put(DatasetKind.REVIEWS, SAMPLE.resolve("reviews.csv"));
            ImportReport imported = new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO,
                    List.of(SAMPLE.resolve("events.csv")), catalogues, "")).run(JobContext.quiet());
            actual.put("import", new TreeMap<>(Map.of("read", imported.read(), "imported", imported.imported(), "duplicates",
                    imported.duplicates(), "rejected", imported.rejected(), "users", imported.users(), "items", imported.items())));

            InterestGraphBuilder.full(ws, GraphParameters.defaults()).run(JobContext.quiet());
            InterestGraph graph = InterestGraph.latest(ws).orElseThrow();
            Map<String, Object> interests = new LinkedHashMap<>();
            for (long u : USERS) {
                interests.put(String.valueOf(u), graph.interests(u, GraphKind.CATEGORY).stream().limit(3)
                        .map(i -> List.of(i.target(), round(i.score()))).toList());
            }
            actual.put("interests", interests);

            Map<String, Object> recommended = new LinkedHashMap<>();
            Recommendations recommendations = new Recommendations(ws);
            for (String model : List.of("pop", "itemknn", "ease")) {
                new ModelTraining(ws, model, 1, 0, e -> { }).run(JobContext.quiet());
                StoredModel stored = StoredModel.load(ws, null, model);
                for (long u : Arrays.copyOf(USERS, 3)) {
                    recommended.put(model + ":" + u, recommendations.forUser(stored, u, 10).stream()
                            .map(r -> List.of(r.itemId(), round(r.score()))).toList());
                }
            }
            actual.put("recommendations", recommended);

            String top = graph.interests(1, GraphKind.CATEGORY).get(0).target();
            AudienceSpec spec = AudienceSpec.of(List.of(Target.parse("category:" + top, "target"))).withSize(40);
            AudiencePreview.Result audience = new AudiencePreview(ws, null, AudiencePreview.Request.of(spec, null, null))
                    .run(JobContext.quiet());
            actual.put("audience", new TreeMap<>(Map.of("target", "category:" + top, "size", audience.first().size(),
                    "eligible", audience.first().eligible(), "lift", round(audience.lift().lift()))));

            RuleMining.Result rules = new RuleMining(ws, 0.001, 0.1, 3).run(JobContext.quiet());
            List<Object> strongest = new ArrayList<>();
            for (AssociationRules.Rule r : rules.rules().stream().limit(5).toList()) {
                strongest.add(List.of(Arrays.toString(rules.baskets().itemIds(r.antecedent())),
                        Arrays.toString(rules.baskets().itemIds(r.consequent())), round(r.lift())));
            }
            actual.put("rules", new TreeMap<>(Map.of("count", rules.rules().size(), "strongest", strongest)));

            ReportContent report = new ReportBuilder(ws, List.of(ReportSection.values()), List.of(spec)).run(JobContext.quiet());
            Map<String, Object> sections = new LinkedHashMap<>();
            for (ReportContent.Section s : report.sections()) {
                sections.put(s.title(), s.parts().stream().filter(p -> p instanceof ReportContent.Table)
                        .map(p -> ((ReportContent.Table) p).name() + ":" + ((ReportContent.Table) p).rows().size()).toList());
            }
            actual.put("report", sections);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode got = json.valueToTree(actual);
        Files.createDirectories(Path.of("target"));
        json.writeValue(Path.of("target", "golden-sample-data.json").toFile(), got);
        if (Boolean.getBoolean("igw.golden.update")) {
            json.writeValue(EXPECTED.toFile(), got);
        }
        compare(json.readTree(EXPECTED.toFile()), got, "");
    }

    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }

    /** Equal trees, numbers within the tolerances: a lift where the path says so, else a score. */
    private static void compare(JsonNode want, JsonNode got, String path) {
        if (want.isIntegralNumber() && got.isIntegralNumber()) {
            assertEquals(want.asLong(), got.asLong(), path);
            return;
        }
        if (want.isNumber() && got.isNumber()) {
            double tolerance = path.contains("lift") || path.startsWith("/rules") ? LIFT_TOLERANCE : SCORE_TOLERANCE;
            assertEquals(want.asDouble(), got.asDouble(), tolerance, path);
            return;
        }
        if (want.isContainerNode()) {
            assertEquals(want.size(), got.size(), path + " has " + got.size() + " entries, expected " + want.size() + ": " + got);
            if (want.isArray()) {
                for (int k = 0; k < want.size(); k++) {
                    compare(want.get(k), got.get(k), path + "/" + k);
                }
            } else {
                for (Iterator<String> names = want.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    compare(want.get(name), got.path(name), path + "/" + name);
                }
            }
            return;
        }
        assertEquals(want, got, path);
    }
}
