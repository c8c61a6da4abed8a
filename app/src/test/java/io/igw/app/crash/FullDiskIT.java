package io.igw.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.igw.app.cli.InProcessCli;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import, a graph build and a training run that hit a full disk (a small tmpfs, so this needs Linux and the right
 * to mount; it is skipped without) fail with one clear line and leave nothing partial: the workspace opens as it
 * was, and once space is freed the same command succeeds.
 */
class FullDiskIT {
    static final String FULL = "igw: the disk is full (no space left on the device holding the workspace or the output); "
            + "nothing of the interrupted step was kept. Free some space and run it again.";
    @TempDir
    static Path tmp;
    static Path disk;
    static Path big;
    static Path small;

    private final InProcessCli cli = new InProcessCli();

    @BeforeAll
    static void mount() throws Exception {
        disk = tmp.resolve("disk");
        Files.createDirectories(disk);
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", disk.toString()).redirectErrorStream(true).start();
        boolean mounted = m.waitFor(30, TimeUnit.SECONDS) && m.exitValue() == 0;
        assumeTrue(mounted, "mounting a small tmpfs needs Linux and root: " + new String(m.getInputStream().readAllBytes()));
        big = tmp.resolve("big");
        small = tmp.resolve("small");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (disk != null) {
            new ProcessBuilder("umount", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private int igw(String... args) {
        return cli.igw(args);
    }

    private String stdout() {
        return cli.stdout();
    }

    private String stderr() {
        String all = cli.stderr();
        return all.substring(all.lastIndexOf('\n') + 1); // the last line: progress lines come before it
    }

    /** Fills the disk but for {@code leave} bytes. */
    private static Path ballast(long leave) throws Exception {
        Path file = disk.resolve("ballast");
        long free = Files.getFileStore(disk).getUsableSpace();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] block = new byte[1 << 16];
            long want = Math.max(0, free - leave);
            for (long written = 0; written < want; written += block.length) {
                raf.write(block, 0, (int) Math.min(block.length, want - written));
            }
        }
        return file;
    }

    private static void nothingHalfWritten(Path ws) throws Exception {
        try (Stream<Path> walk = Files.walk(ws)) {
            assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
        }
    }

    @Test
    void anImportABuildAndATrainingOnAFullDiskFailClearlyAndLeaveNothingPartial() throws Exception {
        assertEquals(0, igw("generate", "--out", big.toString(), "--users", "3000", "--seed", "5", "--quiet"));
        assertEquals(0, igw("generate", "--out", small.toString(), "--users", "300", "--seed", "5", "--quiet"));

        Path ws = disk.resolve("ws");
        assertEquals(1, igw("import", "--workspace", ws.toString(), "--format", "taobao", big.resolve("events.csv").toString(), "--json"));
        assertEquals(FULL, stderr());
        assertEquals(0, igw("stats", "--workspace", ws.toString(), "--json"));
        assertTrue(stdout().contains("\"datasets\":[]"), "nothing of the import is kept: " + stdout());
        nothingHalfWritten(ws);

        assertEquals(0, igw("import", "--workspace", ws.toString(), "--format", "taobao", "--items", small.resolve("items.csv").toString(),
                small.resolve("events.csv").toString(), "--json", "--quiet"), stderr());

        Path ballast = ballast(64 << 10);
        assertEquals(1, igw("graph", "build", "--workspace", ws.toString(), "--json", "--quiet"));
        assertEquals(FULL, stderr());
        Files.delete(ballast);
        nothingHalfWritten(ws);
        assertEquals(0, igw("graph", "builds", "--workspace", ws.toString(), "--json"));
        assertEquals("[]", stdout().replaceAll(".*\"builds\":(\\[[^]]*]).*", "$1"),
                "no build was kept: " + stdout());
        assertEquals(0, igw("graph", "build", "--workspace", ws.toString(), "--json", "--quiet"), stderr());

        ballast = ballast(32 << 10);
        assertEquals(1, igw("train", "--workspace", ws.toString(), "--model", "itemknn", "--json", "--quiet"));
        assertEquals(FULL, stderr());
        Files.delete(ballast);
        nothingHalfWritten(ws);
        assertEquals(0, igw("train", "--workspace", ws.toString(), "--model", "itemknn", "--json", "--quiet"), stderr());
        assertTrue(stdout().startsWith("{\"model_id\":"), stdout());
    }
}
