package io.igw.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code igw doctor}: a healthy workspace, a flipped byte found and named, marked unusable, and repaired from H2. */
class DoctorCommandTest {
    @TempDir
    Path tmp;

    private final InProcessCli cli = new InProcessCli();

    private int igw(String... args) {
        return cli.igw(args);
    }

    private String stdout() {
        return cli.stdout();
    }

    private String stderr() {
        return cli.stderr();
    }

    @Test
    void aDamagedBuildIsNamedMarkedUnusableAndRebuilt() throws Exception {
        Path data = tmp.resolve("data");
        String ws = tmp.resolve("ws").toString();
        assertEquals(0, igw("generate", "--out", data.toString(), "--users", "150", "--seed", "4", "--quiet"));
        assertEquals(0, igw("import", "--workspace", ws, "--format", "taobao", "--items", data.resolve("items.csv").toString(),
                data.resolve("events.csv").toString(), "--json", "--quiet"), stderr());
        assertEquals(0, igw("graph", "build", "--workspace", ws, "--json", "--quiet"), stderr());
        assertEquals(0, igw("doctor", "--workspace", ws, "--json", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"workspace\":\"" + ws + "\",\"healthy\":true,\"h2\":\"opened\",\"checked\":{\"graph_builds\":1,"
                + "\"models\":0,\"predictions\":0,\"event_snapshots\":1,\"files\":"), stdout());
        assertTrue(stdout().endsWith("\"without_checksums\":0},\"damaged\":[],\"repaired\":[]}"), stdout());

        Path scores;
        try (Stream<Path> builds = Files.list(tmp.resolve("ws").resolve("graphs"))) {
            scores = builds.filter(Files::isDirectory).findFirst().orElseThrow().resolve("edge_score.f32");
        }
        try (RandomAccessFile raf = new RandomAccessFile(scores.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 1);
        }
        assertEquals(1, igw("interests", "--workspace", ws, "--user", "1", "--json"));
        assertEquals("igw: " + scores + " is damaged: its CRC32C checksum does not match the one written with it (a changed byte on "
                + "disk or a bad copy). What it held can be made again from the workspace's database: ./igw doctor --workspace W "
                + "--repair", stderr());

        assertEquals(DoctorCommand.DAMAGED, igw("doctor", "--workspace", ws, "--json", "--quiet"));
        assertTrue(stdout().contains("\"healthy\":false") && stdout().contains("\"damaged\":[{\"kind\":\"graph build\",\"id\":\"1\",\"file\":\""
                + scores + "\",\"problem\":\"its CRC32C checksum does not match") && stdout().contains("\"done\":\"marked unusable\"}]")
                && stdout().contains("\"remedy\":\"./igw doctor --workspace " + ws + " --repair\""), stdout());
        assertEquals(2, igw("interests", "--workspace", ws, "--user", "1", "--json"));
        assertTrue(stderr().startsWith("igw: No interest graph yet"), "the damaged build is not offered: " + stderr());

        assertEquals(0, igw("doctor", "--workspace", ws, "--repair", "--json", "--quiet"), stderr());
        assertTrue(stdout().contains("\"repaired\":[\"graph build 1 was rebuilt from the database with its parameters as build 2\"]"), stdout());
        assertEquals(0, igw("doctor", "--workspace", ws, "--json", "--quiet"), stderr());
        assertTrue(stdout().contains("\"healthy\":true"), stdout());
        assertEquals(0, igw("interests", "--workspace", ws, "--user", "1", "--json"), stderr());
    }
}
