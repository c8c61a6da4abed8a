package io.igw.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igw.app.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command the README lists, run against the demo data, prints the same JSON keys (every key path, arrays
 * by their first element) as release 0.1.0 printed for the same commands ({@code readme-json-keys-0.1.0.txt},
 * recorded with that release's {@code ./igw}). Extra keys are allowed by the contract; a missing one fails.
 */
class ReadmeCommandsIT {
    private static final Path SAMPLE = Path.of("..", "sample-data");

    @TempDir
    Path tmp;

    @Test
    void everyReadmeCommandKeepsItsJsonKeys() throws Exception {
        String w = tmp.resolve("ws").toString();
        String category = Files.readAllLines(SAMPLE.resolve("categories.csv")).get(1).split(",")[0];
        String other = Files.readAllLines(SAMPLE.resolve("categories.csv")).get(2).split(",")[0];
        String item = Files.readAllLines(SAMPLE.resolve("events.csv")).get(1).split(",")[1];
        List<String> got = new ArrayList<>();
        run(got, "import", "import", "--workspace", w, "--format", "taobao", "--items", s("items.csv"), "--categories",
                s("categories.csv"), "--users", s("users.csv"), "--reviews", s("reviews.csv"), s("events.csv"));
        run(got, "stats", "stats", "--workspace", w, "--json");
        run(got, "graph-build", "graph", "build", "--workspace", w, "--json");
        run(got, "graph-builds", "graph", "builds", "--workspace", w, "--json");
        run(got, "communities", "communities", "--workspace", w, "--json");
        run(got, "interests", "interests", "--workspace", w, "--user", "5", "--json");
        run(got, "evaluate", "evaluate", "--workspace", w, "--models", "pop,itemknn", "--split", "random", "--k", "20",
                "--seeds", "1", "--json");
        run(got, "train", "train", "--workspace", w, "--model", "pop", "--json");   // the keys of any closed-form model; EASE takes 25 s here
        run(got, "train-ae", "train", "--workspace", w, "--model", "autoencoder", "--epochs", "1", "--json");
        run(got, "recommend", "recommend", "--workspace", w, "--user", "5", "--k", "10", "--json");
        run(got, "similar", "similar", "--workspace", w, "--item", item, "--k", "5", "--json");
        run(got, "similar-user", "similar", "--workspace", w, "--user", "5", "--k", "5", "--json");
        run(got, "predict-churn", "predict", "churn", "--workspace", w, "--json");
        run(got, "audience", "audience", "--workspace", w, "--target", "category:" + category, "--size", "20",
                "--lookalike", "2", "--json");
        run(got, "audience2", "audience", "--workspace", w, "--target", "category:" + category, "--target",
                "category:" + other, "--json");
        run(got, "rules", "rules", "--workspace", w, "--json");
        run(got, "report", "report", "--workspace", w, "--out", tmp.resolve("r.html").toString(), "--json");
        run(got, "drift", "graph", "drift", "--workspace", w, "--from", "1", "--json");
        run(got, "generate", "generate", "--out", tmp.resolve("gen").toString(), "--users", "20", "--seed", "3");
        // predict purchase prints the keys predict churn does (as the file shows); it is not run twice
        List<String> want = Files.readAllLines(Path.of("src/test/resources/cli/readme-json-keys-0.1.0.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("predict-purchase ")).toList();
        List<String> missing = want.stream().filter(k -> !got.contains(k)).toList();
        assertEquals(List.of(), missing, "keys release 0.1.0 printed that are gone");
    }

    private static String s(String file) {
        return SAMPLE.resolve(file).toString();
    }

    private static void run(List<String> into, String name, String... args) throws Exception {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Launcher.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertEquals(0, code, name + " failed");
        String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        TreeSet<String> paths = new TreeSet<>();
        paths(new ObjectMapper().readTree(first), "", paths);
        paths.forEach(p -> into.add(name + " " + p));
    }

    private static void paths(JsonNode node, String at, TreeSet<String> out) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String k = names.next();
                out.add(at + "/" + k);
                paths(node.get(k), at + "/" + k, out);
            }
        } else if (node.isArray() && node.size() > 0) {
            paths(node.get(0), at + "[]", out);
        }
    }
}
