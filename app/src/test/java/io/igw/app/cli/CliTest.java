package io.igw.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.app.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: its commands, options and JSON keys, and one clear line for every mistake. */
class CliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int igw(String... args) {
        out.reset();
        err.reset();
        return Launcher.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void generateImportAndStatsFollowTheirContracts() throws Exception {
        Path data = tmp.resolve("data");
        assertEquals(0, igw("generate", "--out", data.toString(), "--users", "60", "--seed", "7", "--quiet"));
        for (String f : new String[]{"events.csv", "items.csv", "categories.csv", "users.csv", "reviews.csv", "truth.csv", "bundles.csv"}) {
            assertTrue(Files.isRegularFile(data.resolve(f)), f);
        }
        assertEquals("item_id,title,category_id,brand,price,attributes", Files.readAllLines(data.resolve("items.csv")).get(0));
        assertEquals("category_id,parent_id,name,name_zh", Files.readAllLines(data.resolve("categories.csv")).get(0));
        assertEquals("user_id,age,gender,city", Files.readAllLines(data.resolve("users.csv")).get(0));
        assertEquals("user_id,item_id,rating,text,timestamp", Files.readAllLines(data.resolve("reviews.csv")).get(0));
        assertEquals("user_id,interests,churned", Files.readAllLines(data.resolve("truth.csv")).get(0));
        assertEquals("item_a,item_b", Files.readAllLines(data.resolve("bundles.csv")).get(0));

        Path ws = tmp.resolve("ws");
        assertEquals(0, igw("import", "--workspace", ws.toString(), "--format", "taobao", "--quiet",
                "--items", data.resolve("items.csv").toString(), data.resolve("events.csv").toString()), stderr());
        String json = stdout();
        for (String key : new String[]{"\"read\":", "\"imported\":", "\"duplicates\":", "\"rejected\":", "\"users\":60,", "\"items\":", "\"seconds\":"}) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);

        assertEquals(0, igw("stats", "--workspace", ws.toString(), "--json"));
        String stats = stdout();
        assertTrue(stats.contains("\"tables\":{\"events\":"), stats);
        assertTrue(stats.contains("\"behaviours\":{\"view\":"), stats);
        assertTrue(stats.contains("\"time_range\":{\"first\":\"2026-09-01T"), stats);
    }

    @Test
    void graphBuildAndInterestsFollowTheirContracts() throws Exception {
        Path data = tmp.resolve("data");
        Path ws = tmp.resolve("ws");
        assertEquals(0, igw("generate", "--out", data.toString(), "--users", "80", "--seed", "3", "--quiet"));
        assertEquals(0, igw("import", "--workspace", ws.toString(), "--format", "taobao", "--quiet",
                "--items", data.resolve("items.csv").toString(), "--categories", data.resolve("categories.csv").toString(),
                data.resolve("events.csv").toString()));

        assertEquals(2, igw("interests", "--workspace", ws.toString(), "--user", "1", "--json"));
        assertTrue(stderr().startsWith("igw: No interest graph yet: run igw graph build"), stderr());

        assertEquals(0, igw("graph", "build", "--workspace", ws.toString(), "--half-life-days", "7", "--as-of", "2026-09-30",
                "--json", "--quiet"), stderr());
        String build = stdout();
        assertTrue(build.contains("\"as_of\":\"2026-09-30T23:59:59Z\"") && build.contains("\"half_life_days\":7.0"), build);
        assertTrue(build.contains("\"nodes\":{\"user\":80,") && build.contains("\"user_category\":") && build.contains("\"seconds\":"), build);
        assertTrue(build.contains("\"tag\":") && build.contains("\"user_tag\":"), build);

        assertEquals(0, igw("interests", "--workspace", ws.toString(), "--user", "1", "--top", "3", "--json"));
        String one = stdout();
        assertTrue(one.startsWith("{\"user\":1,\"interests\":[{\"kind\":\"category\",\"id\":"), one);
        assertTrue(one.contains("\"label\":") && one.contains("\"score\":") && one.contains("\"evidence\":[{\"item\":"), one);

        assertEquals(0, igw("interests", "--workspace", ws.toString(), "--all", "--kind", "brand", "--top", "1", "--json"));
        String[] lines = stdout().split("\n");
        assertEquals(80, lines.length);
        assertTrue(lines[0].contains("\"kind\":\"brand\"") && !lines[0].contains("\"kind\":\"category\""), lines[0]);

        assertEquals(0, igw("interests", "--workspace", ws.toString(), "--user", "1", "--kind", "tag", "--top", "2", "--json"));
        assertTrue(stdout().contains("\"kind\":\"tag\"") && !stdout().contains("\"kind\":\"category\""), stdout());
        assertEquals(2, igw("interests", "--workspace", ws.toString(), "--user", "1", "--kind", "colour", "--json"));
        assertEquals("igw: --kind 'colour' must be category, tag, brand or item.", stderr());
        assertEquals(2, igw("interests", "--workspace", ws.toString(), "--json"));
        assertTrue(stderr().startsWith("igw: Error: Missing required argument"), stderr());

        assertEquals(0, igw("communities", "--workspace", ws.toString(), "--json", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"build_id\":1,\"users\":80,\"modularity\":") && stdout().contains(
                "\"communities\":[{\"id\":1,\"users\":") && stdout().contains("\"top_categories\":[{\"kind\":\"category\""),
                stdout());

        assertEquals(0, igw("graph", "update", "--workspace", ws.toString(), "--half-life-days", "7", "--json", "--quiet"), stderr());
        assertTrue(stdout().contains("\"build_id\":2,\"made_by\":\"full\""), "an as-of build leaves events out, so the update "
                + "rebuilds: " + stdout());
        assertEquals(0, igw("graph", "pin", "--workspace", ws.toString(), "--build", "1", "--name", "September", "--json"));
        assertEquals(0, igw("graph", "builds", "--workspace", ws.toString(), "--json"));
        assertTrue(stdout().startsWith("{\"builds\":[{\"build_id\":2,\"made_by\":\"full\",\"based_on\":null,")
                && stdout().contains("\"pinned_as\":\"September\""), stdout());
        assertEquals(0, igw("graph", "drift", "--workspace", ws.toString(), "--from", "1", "--json"));
        assertTrue(stdout().startsWith("{\"from\":1,\"to\":2,\"user\":null,\"kind\":\"category\",\"rising\":["), stdout());
        assertEquals(2, igw("graph", "drift", "--workspace", ws.toString(), "--from", "9", "--json"));
        assertEquals("igw: There is no graph build 9 in this workspace; igw graph builds lists those kept.", stderr());

        assertEquals(0, igw("evaluate", "--workspace", ws.toString(), "--models", "pop,itemknn", "--split", "random",
                "--k", "10", "--seeds", "1,2", "--json", "--quiet"), stderr());
        String evaluation = stdout();
        assertTrue(evaluation.startsWith("{\"protocol\":{\"split\":\"random\",\"ratio\":0.8,\"k\":10,\"seeds\":[1,2],")
                && evaluation.contains("\"results\":[{\"model\":\"pop\",\"recall@10\":") && evaluation.contains(
                "\"ndcg@10\":") && evaluation.contains("\"coverage@10\":") && evaluation.contains("\"train_seconds\":")
                && evaluation.contains("\"std\":{\"recall@10\":") && evaluation.contains("{\"model\":\"itemknn\","), evaluation);
        assertEquals(2, igw("evaluate", "--workspace", ws.toString(), "--models", "gan", "--json"));
        assertEquals("igw: Unknown model 'gan': choose one of pop, itemknn, ease, content, autoencoder, cfgan, deepwalk, sequence, semantic, hybrid, als.", stderr());
        assertEquals(2, igw("evaluate", "--workspace", ws.toString(), "--models", "pop", "--split", "weekly", "--json"));
        assertEquals("igw: --split 'weekly' must be random, time, leave-last or cold-items.", stderr());

        Path more = Files.writeString(tmp.resolve("more.csv"), "1,4001,103,buy,1790000000\n2,4002,103,pv,1790000100\n");
        assertEquals(0, igw("import", "--workspace", ws.toString(), "--format", "taobao", "--quiet", more.toString()), stderr());
        assertTrue(stdout().contains("\"graph\":{\"build_id\":3,\"made_by\":\"update\",") && stdout().contains("\"new_events\":2,"),
                "importing new events updates the graph: " + stdout());
    }

    @Test
    void trainRecommendSimilarAndBenchTrainFollowTheirContracts() throws Exception {
        Path data = tmp.resolve("data");
        Path ws = tmp.resolve("ws");
        assertEquals(0, igw("generate", "--out", data.toString(), "--users", "80", "--seed", "3", "--quiet"));
        assertEquals(0, igw("import", "--workspace", ws.toString(), "--format", "taobao", "--quiet",
                "--items", data.resolve("items.csv").toString(), data.resolve("events.csv").toString()));

        assertEquals(2, igw("recommend", "--workspace", ws.toString(), "--user", "1", "--json"));
        assertEquals("igw: No model has been trained in this workspace yet: run ./igw train --workspace W --model ease first.", stderr());

        assertEquals(0, igw("train", "--workspace", ws.toString(), "--model", "autoencoder", "--epochs", "2", "--seed", "4",
                "--json", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"model_id\":1,\"model\":\"autoencoder\",\"parameters\":\"bottleneck=200,")
                && stdout().contains("\"seed\":4,") && stdout().contains("\"epochs\":2,")
                && stdout().contains("\"validation\":{\"recall@20\":") && stdout().contains("\"curve\":[{\"epoch\":1,\"loss\":"),
                stdout());
        assertEquals(0, igw("train", "--workspace", ws.toString(), "--model", "ease", "--json", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"model_id\":2,\"model\":\"ease\",") && stdout().contains("\"curve\":[]"), stdout());

        assertEquals(0, igw("recommend", "--workspace", ws.toString(), "--user", "1", "--k", "3", "--json"), stderr());
        String recommended = stdout();
        assertTrue(recommended.startsWith("{\"user\":1,\"model\":\"ease\",\"model_id\":2,\"items\":[{\"id\":")
                && recommended.contains("\"title\":") && recommended.contains("\"score\":")
                && recommended.contains("\"because\":[{\"kind\":\"item\",\"id\":"), recommended);
        assertEquals(3, recommended.split("\"because\"").length - 1, recommended);
        assertEquals(0, igw("recommend", "--workspace", ws.toString(), "--user", "1", "--model", "autoencoder", "--json"), stderr());
        assertTrue(stdout().contains("\"model\":\"autoencoder\",\"model_id\":1,"), stdout());
        assertEquals(2, igw("recommend", "--workspace", ws.toString(), "--user", "424242", "--json"));
        assertTrue(stderr().startsWith("igw: User 424242 is not among the 80 users model 2 (ease) was trained on."), stderr());

        assertEquals(0, igw("similar", "--workspace", ws.toString(), "--item", firstItem(data), "--k", "4", "--json"), stderr());
        assertTrue(stdout().startsWith("{\"item\":" + firstItem(data) + ",\"title\":") && stdout().contains(
                "\"source\":\"itemknn (fitted now; no item model is stored)\",\"items\":[{\"id\":"), stdout());
        assertEquals(0, igw("similar", "--workspace", ws.toString(), "--user", "1", "--k", "3", "--json"), stderr());
        assertTrue(stdout().startsWith("{\"user\":1,\"source\":\"autoencoder (model 1)\",\"users\":[{\"id\":"), stdout());
        assertEquals(2, igw("similar", "--workspace", ws.toString(), "--item", "1", "--model", "ease", "--json"));
        assertEquals("igw: Model 'ease' does not compare items; use deepwalk or itemknn.", stderr());

        assertEquals(0, igw("bench", "train", "--model", "autoencoder", "--workspace", ws.toString(), "--epochs", "2", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"model\":\"autoencoder\",") && stdout().contains("\"seconds_per_epoch\":")
                && stdout().contains("\"peak_heap_mb\":") && stdout().contains("\"peer\":\"ease fit\",\"peer_seconds\":"), stdout());
        assertEquals(0, igw("rules", "--workspace", ws.toString(), "--min-support", "0.001", "--json", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"baskets\":") && stdout().contains("\"basis\":\"purchases per session\"")
                && stdout().contains("\"rules\":[{\"antecedent\":["), stdout());
        assertEquals(2, igw("rules", "--workspace", ws.toString(), "--max-length", "1", "--json"));
        assertEquals("igw: --max-length must be at least 2 (a rule needs two items), not 1", stderr());
        assertEquals(2, igw("train", "--workspace", ws.toString(), "--model", "bpr", "--json"));
        assertTrue(stderr().startsWith("igw: Unknown model 'bpr'"), stderr());
    }

    @Test
    void audiencePredictAndCategoryRulesFollowTheirContracts() throws Exception {
        Path data = tmp.resolve("data");
        Path ws = tmp.resolve("ws");
        assertEquals(0, igw("generate", "--out", data.toString(), "--users", "400", "--seed", "5", "--quiet"));
        assertEquals(0, igw("import", "--workspace", ws.toString(), "--format", "taobao", "--quiet", "--items",
                data.resolve("items.csv").toString(), "--categories", data.resolve("categories.csv").toString(), "--users",
                data.resolve("users.csv").toString(), data.resolve("events.csv").toString()), stderr());
        String leaf = Files.readAllLines(data.resolve("truth.csv")).get(1).split(",")[1].split(";")[0];

        assertEquals(0, igw("predict", "purchase", "--workspace", ws.toString(), "--horizon-days", "7", "--json", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"outcome\":\"purchase\",\"horizon_days\":7,\"by\":\"user\",\"auc\":") && stdout().contains("\"pr_auc\":")
                && stdout().contains("\"lift_top_decile\":") && stdout().contains("\"baseline_auc\":")
                && stdout().contains("\"deciles\":[{\"decile\":1,") && stdout().contains("\"calibration\":[{\"from\":0.0,")
                && stdout().contains("\"at_risk\":[{\"user_id\":"), stdout());
        assertEquals(0, igw("predict", "churn", "--workspace", ws.toString(), "--json", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"outcome\":\"churn\",\"horizon_days\":7,\"by\":\"user\",\"auc\":"), stdout());
        assertEquals(0, igw("predict", "purchase", "--workspace", ws.toString(), "--by", "category", "--json", "--quiet"), stderr());
        assertTrue(stdout().contains("\"by\":\"category\",\"auc\":") && stdout().contains("\"category\":\"category "), stdout());

        Path csv = tmp.resolve("audience.csv");
        assertEquals(0, igw("audience", "--workspace", ws.toString(), "--target", "category:" + leaf, "--target",
                "category:" + leaf.substring(0, leaf.length() - 2), // the leaf's parent, a wider audience
                "--size", "10", "--lookalike", "2", "--out", csv.toString(), "--min-size", "18", "--json", "--quiet"), stderr());
        String out = stdout();
        assertTrue(out.startsWith("{\"size\":10,\"eligible\":") && out.contains("\"reach\":[{\"threshold\":0.0,\"size\":")
                && out.contains("\"expected_lift\":{\"lift\":") && out.contains("\"low\":") && out.contains("\"high\":")
                && out.contains("\"propensity\":\"purchase in 7 days (test AUC ") && out.contains("\"lookalike\":{\"percent\":2.0,\"size\":8,")
                && out.contains("\"overlap\":[{\"a\":0,\"b\":1,\"both\":") && out.contains("\"jaccard\":")
                && out.contains("\"exported\":{\"file\":"), out);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("user_id,score,reason", lines.get(0));
        assertEquals(1 + 10 + 8, lines.size(), "the audience and its lookalikes");
        assertTrue(lines.get(1).matches("[0-9a-f]{64},[0-9.]+,.*category .*"), lines.get(1));
        assertTrue(out.contains("\"hashed_ids\":true,\"min_size\":18}"), "ids are hashed by default: " + out);
        // fewer than the minimum (100 unless told): refused in one line, and the file written before is kept
        assertEquals(2, igw("audience", "--workspace", ws.toString(), "--target", "category:" + leaf, "--size", "10",
                "--out", csv.toString(), "--json", "--quiet"));
        assertEquals("igw: The audience has 10 people, fewer than the 100 an export needs: ad platforms refuse smaller audiences "
                + "so that no one can be singled out, and nothing was written. Widen the audience, or lower the minimum with "
                + "--min-size (at your own risk: platforms will refuse it too).", stderr());
        assertEquals(lines, Files.readAllLines(csv));
        assertEquals(0, igw("audience", "--workspace", ws.toString(), "--target", "category:" + leaf, "--size", "10",
                "--out", csv.toString(), "--min-size", "10", "--plain-ids", "--json", "--quiet"), stderr());
        assertTrue(Files.readAllLines(csv).get(1).matches("[0-9]+,[0-9.]+,.*"), "--plain-ids: " + Files.readAllLines(csv).get(1));
        assertEquals(2, igw("audience", "--workspace", ws.toString(), "--target", "category:" + leaf, "--plain-ids", "--json"));
        assertEquals("igw: --plain-ids applies to the export: give --out FILE.csv too.", stderr());

        assertEquals(2, igw("audience", "--workspace", ws.toString(), "--target", "category:999999", "--json", "--quiet"));
        assertTrue(stderr().startsWith("igw: No event in this workspace touches category:999999"), stderr());
        assertEquals(2, igw("audience", "--workspace", ws.toString(), "--target", "colour:red", "--json"));
        assertTrue(stderr().startsWith("igw: --target 'colour:red': the kind must be category, tag, brand or item."), stderr());
        assertEquals(2, igw("audience", "--workspace", ws.toString(), "--target", "category:" + leaf, "--size", "5",
                "--threshold", "0.5", "--json"));
        assertEquals("igw: Give --size or --threshold, not both.", stderr());
        assertEquals(2, igw("audience", "--workspace", ws.toString(), "--target", "category:" + leaf, "--propensity-weight", "2",
                "--json", "--quiet"));
        assertEquals("igw: --propensity-weight must be between 0 and 1, not 2.0", stderr());
        // creatives and titles: a mistake is told before anything is trained
        assertEquals(2, igw("creatives", "--workspace", ws.toString(), "--target", "colour:red", "--json"));
        assertTrue(stderr().startsWith("igw: --target 'colour:red': the kind must be category, tag, brand or item."), stderr());
        assertEquals(2, igw("creatives", "--workspace", ws.toString(), "--target", "category:" + leaf, "--n", "0", "--json"));
        assertEquals("igw: --n must be between 1 and 20, not 0", stderr());
        assertEquals(2, igw("creatives", "--workspace", ws.toString(), "--target", "category:999999", "--json", "--quiet"));
        assertTrue(stderr().startsWith("igw: No event in this workspace touches category:999999"), stderr());
        assertEquals(2, igw("titles", "--workspace", ws.toString(), "--item", "99999999", "--json", "--quiet"));
        assertTrue(stderr().startsWith("igw: Item 99999999 has no title in this workspace's catalogue"), stderr());
        assertEquals(2, igw("titles", "--workspace", ws.toString(), "--item", "1", "--n", "0", "--json", "--quiet"));
        assertEquals("igw: --n must be between 1 and 50, not 0", stderr());
        // with a (quickly trained) title generator stored, titles and creatives answer in their contracts
        try (io.igw.storage.Workspace w = io.igw.storage.Workspace.open(ws, false)) {
            new io.igw.engine.titles.TrainTitles(w, new io.igw.engine.titles.TrainTitles.Effort(1, 256, 0), 4)
                    .run(io.igw.engine.task.JobContext.quiet());
        }
        assertEquals(0, igw("titles", "--workspace", ws.toString(), "--item", "1", "--n", "3", "--json", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"item\":1,\"current\":\"") && stdout().contains("\"candidates\":[{\"title\":\"")
                && stdout().contains("\"predicted_uplift\":") && stdout().contains("\"fluency\":")
                && stdout().contains("\"changed_words\":["), stdout());
        Path creatives = tmp.resolve("creatives.csv");
        assertEquals(0, igw("creatives", "--workspace", ws.toString(), "--target", "category:" + leaf, "--n", "2",
                "--out", creatives.toString(), "--json", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"audience\":{\"targets\":[\"category:" + leaf + "\"],\"size\":")
                && stdout().contains("\"click_model\":\"") && stdout().contains("\"interests\":[{\"key\":\"")
                && stdout().contains("\"creatives\":[{\"headline\":\"") && stdout().contains("\"copy\":\"")
                && stdout().contains("\"predicted_conversion\":") && stdout().contains("\"exported\":{\"file\":"), stdout());
        assertTrue(Files.readAllLines(creatives).get(0).startsWith("rank,headline,copy,item_id,"));

        assertEquals(2, igw("predict", "loyalty", "--workspace", ws.toString(), "--json"));
        assertEquals("igw: 'loyalty' is not an outcome the workbench predicts: use churn or purchase.", stderr());

        assertEquals(0, igw("rules", "--workspace", ws.toString(), "--level", "category", "--min-support", "0.002", "--json", "--quiet"),
                stderr());
        assertTrue(stdout().contains("\"level\":\"category\""), stdout());
    }

    @Test
    void reportFollowsItsContract() throws Exception {
        Path data = tmp.resolve("data");
        Path ws = tmp.resolve("ws");
        assertEquals(0, igw("generate", "--out", data.toString(), "--users", "200", "--seed", "6", "--quiet"));
        assertEquals(0, igw("import", "--workspace", ws.toString(), "--format", "taobao", "--quiet", "--items",
                data.resolve("items.csv").toString(), data.resolve("events.csv").toString()), stderr());
        Path html = tmp.resolve("out.html");
        assertEquals(0, igw("report", "--workspace", ws.toString(), "--out", html.toString(), "--sections", "datasets,rules",
                "--json", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"path\":\"" + html.toAbsolutePath() + "\",\"format\":\"html\",\"sections\":[\"datasets\",\"rules\"],\"pages\":null,")
                && stdout().contains("\"tables\":[\""), stdout());
        Path pdf = tmp.resolve("out.pdf");
        assertEquals(0, igw("report", "--workspace", ws.toString(), "--out", pdf.toString(), "--json", "--quiet"), stderr());
        assertTrue(stdout().contains("\"format\":\"pdf\",\"sections\":[\"datasets\",\"graph\",\"models\",\"audiences\","
                + "\"creatives\",\"predictions\",\"rules\"],\"pages\":") && Files.size(pdf) > 10_000, stdout());
        assertEquals(2, igw("report", "--workspace", ws.toString(), "--out", tmp.resolve("out.docx").toString(), "--json"));
        assertTrue(stderr().startsWith("igw: --out must name a .html or .pdf file"), stderr());
        assertEquals(2, igw("report", "--workspace", ws.toString(), "--out", html.toString(), "--sections", "charts", "--json"));
        assertTrue(stderr().startsWith("igw: --sections 'charts' is not a section"), stderr());
    }

    /** The item of the first purchase in a generated events file. */
    private static String firstItem(Path data) throws Exception {
        return Files.readAllLines(data.resolve("events.csv")).stream().filter(l -> l.contains(",buy,")).findFirst()
                .orElseThrow().split(",")[1];
    }

    @Test
    void mistakesGetOneClearLineAndANonZeroExit() throws Exception {
        Path ws = tmp.resolve("ws");
        assertEquals(2, igw("import", "--workspace", ws.toString(), "--format", "taobao", tmp.resolve("missing.csv").toString()));
        assertEquals("igw: No such file: " + tmp.resolve("missing.csv"), stderr());

        Path file = tmp.resolve("e.csv");
        Files.writeString(file, "1,2,3,pv,1511544070\n");
        assertEquals(2, igw("import", "--workspace", ws.toString(), "--format", "parquet", file.toString()));
        assertEquals("igw: Unknown format 'parquet': use one of taobao, retailrocket, movielens, generic.", stderr());

        assertEquals(2, igw("stats", "--workspace", tmp.resolve("nowhere").toString()));
        assertTrue(stderr().startsWith("igw: No workspace at "), stderr());

        assertEquals(2, igw("import", "--workspace", ws.toString()));
        assertTrue(stderr().startsWith("igw: Missing required option: '--format=FORMAT'"), stderr());

        assertEquals(2, igw("generate", "--out", tmp.toString(), "--users", "many"));
        assertTrue(stderr().startsWith("igw: Invalid value for option '--users'"), stderr());

        assertEquals(2, igw("import", "--workspace", ws.toString(), "--format", "generic", "--mapping", "user", file.toString()));
        assertEquals("igw: Mapping entry 'user' is not key=value.", stderr());

        for (String line : stderr().split("\n")) {
            assertFalse(line.startsWith("\tat "), "no stack trace");
        }
    }

    @Test
    void versionAndHelpAnswer() {
        assertEquals(0, igw("--version"));
        assertTrue(stdout().startsWith("igw "));
        assertEquals(0, igw("--help"));
        assertTrue(stdout().contains("generate") && stdout().contains("import") && stdout().contains("stats")
                && stdout().contains("bench"), stdout());
    }
}
