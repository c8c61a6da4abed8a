package io.igw.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.app.Launcher;
import io.igw.engine.errors.NotEnoughMemory;
import io.igw.engine.task.JobHandle;
import io.igw.engine.task.JobRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job given too little memory ends with one sentence and the heap to ask for, never an OutOfMemoryError's trace. */
class NotEnoughMemoryTest {
    @TempDir
    Path tmp;

    /** Runs {@code igw ARGS} in a child JVM with this heap; it must fail as a job that did not fit, in one line. */
    private static List<String> saidUnder(String heap, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(UserErrors.FAILED, child.exitValue(), err);
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line: " + err);
        return lines;
    }

    /** 300 generated shoppers, imported. */
    private Path generatedWorkspace() {
        Path data = tmp.resolve("data");
        Path ws = tmp.resolve("ws");
        assertEquals(0, Launcher.run("generate", "--users", "300", "--seed", "3", "--out", data.toString(), "--quiet"));
        assertEquals(0, Launcher.run("import", "--workspace", ws.toString(), "--format", "taobao", "--quiet",
                data.resolve("events.csv").toString()));
        return ws;
    }

    @Test
    void aGraphBuildGivenTooLittleHeapIsRefusedInOneLineAndExitsCleanly() throws Exception {
        Path ws = generatedWorkspace();
        List<String> lines = saidUnder("40m", "graph", "build", "--workspace", ws.toString());
        String err = String.join("\n", lines);
        assertTrue(lines.get(0).startsWith("igw: There is not enough memory for the graph build: it needs about "), err);
        assertTrue(lines.get(0).contains("Run it again with more: IGW_HEAP="), err);
        assertFalse(err.contains("OutOfMemoryError") || err.contains("\tat "), err);
        assertTrue(Files.isDirectory(ws), "the workspace is left as it was");
        assertEquals(0, Launcher.run("graph", "build", "--workspace", ws.toString(), "--quiet"), "with enough heap it builds");
    }

    @Test
    void aTrainingThatWouldNotFitIsRefusedBeforeItLearnsAndTheRegistryIsUntouched() throws Exception {
        Path ws = generatedWorkspace();
        List<String> lines = saidUnder("64m", "train", "--workspace", ws.toString(), "--model", "ease", "--quiet");
        String err = String.join("\n", lines);
        assertTrue(lines.get(0).startsWith("igw: There is not enough memory for the training of the ease model (300 users, "), err);
        assertTrue(lines.get(0).contains("Run it again with more: IGW_HEAP="), err);
        assertFalse(err.contains("OutOfMemoryError") || err.contains("\tat "), err);
        try (io.igw.storage.Workspace w = io.igw.storage.Workspace.open(ws, false)) {
            assertTrue(new io.igw.engine.recommenders.ModelRegistry(w).list().isEmpty(), "nothing was stored");
        }
    }

    @Test
    void aJobThatRunsOutOfHeapFailsWithTheHeapToAskForInsteadOfTheError() {
        try (JobRunner runner = JobRunner.direct()) {
            JobHandle<Object> handle = runner.submit("graph build", context -> {
                throw new OutOfMemoryError("Java heap space");
            }, (f, m) -> {
            });
            NotEnoughMemory failure = (NotEnoughMemory) handle.failure();
            assertTrue(failure.getMessage().startsWith("Ran out of memory (graph build): the workbench has "), failure.getMessage());
            assertTrue(failure.suggestedHeapBytes() > failure.heapBytes());
            assertTrue(failure.getCause() instanceof OutOfMemoryError);
        }
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(UserErrors.FAILED, UserErrors.report(new OutOfMemoryError("Java heap space")));
        } finally {
            System.setErr(err);
        }
        String said = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, said.lines().count(), said);
        assertTrue(said.startsWith("igw: Ran out of memory (igw): the workbench has "), said);
    }
}
