package io.igw.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ND4J's bundled OpenBLAS (0.3.19) picks AVX-512 kernels on newer Xeons that give wrong double-precision results
 * (EASE's inverse came out as noise). OpenBLAS reads its kernel choice from {@code OPENBLAS_CORETYPE} when it loads,
 * and a running JVM cannot set its own environment, so on such a CPU, when nobody chose, the workbench starts itself
 * again with the AVX2 kernels ({@code Haswell}) and passes on what that process returns. The {@code igw} script sets
 * the variable itself; this covers the installed package's native launcher.
 */
final class OpenBlasKernels {
    static final String VARIABLE = "OPENBLAS_CORETYPE";
    static final String SAFE_KERNELS = "Haswell";

    private OpenBlasKernels() {
    }

    /** Whether a CPU described by {@code cpuinfo} needs the safe kernels, given the environment. */
    static boolean needsSafeKernels(String cpuinfo, Map<String, String> env) {
        return env.get(VARIABLE) == null && cpuinfo != null && cpuinfo.contains(" avx512f");
    }

    /**
     * The command that starts this process again, as it was started, when it must be (an AVX-512 CPU and no kernel
     * chosen), else empty.
     */
    static Optional<List<String>> restartCommand(String cpuinfo, Map<String, String> env, ProcessHandle.Info self) {
        if (!needsSafeKernels(cpuinfo, env) || self.command().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(self.command().get());
        command.addAll(List.of(self.arguments().orElse(new String[0])));
        return Optional.of(command);
    }

    /** Starts this process again with the safe kernels when it must, and returns its exit status; else empty. */
    static Optional<Integer> restartIfNeeded() {
        String cpuinfo;
        try {
            cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or unreadable: nothing to decide from
        }
        Optional<List<String>> command = restartCommand(cpuinfo, System.getenv(), ProcessHandle.current().info());
        if (command.isEmpty()) {
            return Optional.empty();
        }
        ProcessBuilder again = new ProcessBuilder(command.get()).inheritIO();
        again.environment().put(VARIABLE, SAFE_KERNELS);
        try {
            return Optional.of(again.start().waitFor());
        } catch (IOException e) {
            return Optional.empty(); // could not start it: carry on here (EASE says what to set if it must)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }
}
