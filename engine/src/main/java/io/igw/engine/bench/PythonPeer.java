package io.igw.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igw.engine.task.JobContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's peer in PyTorch: one of the bench package's Python scripts, run in a temporary folder on data the
 * benchmark writes, printing one JSON object. Bench-only: users and tests never need Python.
 */
final class PythonPeer {
    /** Writes the peer's input file. */
    interface Data {
        void write(Writer out) throws IOException;
    }

    private PythonPeer() {
    }

    /**
     * Runs {@code script} (a resource beside this class) as {@code python script data.tsv args...}; cancelling the job
     * stops it. Fails with the script's last line of standard error.
     */
    static JsonNode run(String python, String script, Data data, List<String> args, JobContext context)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("igw-peer");
        try {
            Path code = dir.resolve(script);
            try (InputStream in = PythonPeer.class.getResourceAsStream(script)) {
                Files.copy(in, code, StandardCopyOption.REPLACE_EXISTING);
            }
            Path input = dir.resolve("data.tsv");
            try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
                data.write(w);
            }
            List<String> command = new ArrayList<>(List.of(python, code.toString(), input.toString()));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.redirectError(dir.resolve("peer.err").toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IOException(python + " cannot be run (" + e.getMessage() + "); the peer needs python3 with PyTorch");
            }
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            while (!p.waitFor(1, TimeUnit.SECONDS)) {
                if (context.isCancelled()) {
                    p.destroyForcibly();
                    context.checkCancelled();
                }
            }
            if (p.exitValue() != 0) {
                List<String> err = Files.readAllLines(dir.resolve("peer.err"));
                throw new IOException("the peer failed: " + (err.isEmpty() ? "exit " + p.exitValue() : err.get(err.size() - 1)));
            }
            return new ObjectMapper().readTree(stdout);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
