package io.igw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.app.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark commands as a person types them: export parquet, graph build and rules with --engine spark. */
class SparkCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void exportBuildAndRulesFromTheCommandLine() throws Exception {
        Path data = tmp.resolve("data");
        Path ws = tmp.resolve("ws");
        assertEquals(0, igw("generate", "--users", "300", "--seed", "2", "--out", data.toString(), "--quiet").status);
        assertEquals(0, igw("import", "--workspace", ws.toString(), "--format", "taobao", "--quiet",
                "--items", data.resolve("items.csv").toString(), "--categories", data.resolve("categories.csv").toString(),
                data.resolve("events.csv").toString()).status);

        Run export = igw("export", "parquet", "--workspace", ws.toString(), "--out", tmp.resolve("pq").toString(), "--quiet");
        assertEquals(0, export.status, export.err);
        assertTrue(Files.exists(tmp.resolve("pq/events")) && export.out.contains("\"events\":"), export.out);

        Run build = igw("graph", "build", "--workspace", ws.toString(), "--engine", "spark", "--master", "local[2]",
                "--input", tmp.resolve("pq/events").toString(), "--quiet");
        assertEquals(0, build.status, build.err);
        assertTrue(build.out.contains("\"made_by\":\"spark\""), build.out);

        Run rules = igw("rules", "--workspace", ws.toString(), "--engine", "spark", "--master", "local[2]", "--quiet");
        assertEquals(0, rules.status, rules.err);
        assertTrue(rules.out.contains("\"engine\":\"spark\"") && rules.out.contains("\"rules\":"), rules.out);

        Run missing = igw("graph", "build", "--workspace", ws.toString(), "--engine", "spark", "--input",
                tmp.resolve("nothing-here").toString(), "--quiet");
        assertEquals(2, missing.status);
        assertTrue(missing.err.startsWith("igw: Spark cannot read --input") && missing.err.strip().lines().count() == 1, missing.err);
        Run cluster = igw("graph", "build", "--workspace", ws.toString(), "--engine", "spark", "--master", "spark://nowhere:7077",
                "--quiet");
        assertEquals(2, cluster.status);
        assertTrue(cluster.err.contains("executors cannot read this machine's files"), cluster.err);
        Run localInput = igw("graph", "build", "--workspace", ws.toString(), "--input", "x", "--quiet");
        assertEquals(2, localInput.status);
        assertTrue(localInput.err.contains("go with --engine spark"), localInput.err);
    }

    private record Run(int status, String out, String err) {
    }

    private static Run igw(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int status = Launcher.run(args);
            return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
