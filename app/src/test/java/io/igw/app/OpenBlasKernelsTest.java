package io.igw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The installed launcher restarts itself with OpenBLAS's AVX2 kernels only on an AVX-512 CPU nobody chose kernels for. */
class OpenBlasKernelsTest {
    private static final String XEON = "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512dq\n";
    private static final String EPYC = "processor\t: 0\nflags\t\t: fpu sse2 avx2 sha_ni\n";

    @Test
    void onlyAnAvx512CpuWithNoKernelChosenIsRestarted() {
        assertTrue(OpenBlasKernels.needsSafeKernels(XEON, Map.of()));
        assertFalse(OpenBlasKernels.needsSafeKernels(EPYC, Map.of()));
        assertFalse(OpenBlasKernels.needsSafeKernels(XEON, Map.of("OPENBLAS_CORETYPE", "SkylakeX")), "a choice is kept");
        assertFalse(OpenBlasKernels.needsSafeKernels(XEON, Map.of("OPENBLAS_CORETYPE", "Haswell")), "the restarted one does not loop");
    }

    @Test
    void theRestartRunsTheSameCommandWithTheSameArguments() {
        ProcessHandle.Info self = new ProcessHandle.Info() {
            @Override
            public Optional<String> command() {
                return Optional.of("/opt/igw/bin/igw");
            }

            @Override
            public Optional<String> commandLine() {
                return Optional.empty();
            }

            @Override
            public Optional<String[]> arguments() {
                return Optional.of(new String[]{"evaluate", "--workspace", "/tmp/ml"});
            }

            @Override
            public Optional<java.time.Instant> startInstant() {
                return Optional.empty();
            }

            @Override
            public Optional<java.time.Duration> totalCpuDuration() {
                return Optional.empty();
            }

            @Override
            public Optional<String> user() {
                return Optional.empty();
            }
        };
        assertEquals(Optional.of(List.of("/opt/igw/bin/igw", "evaluate", "--workspace", "/tmp/ml")),
                OpenBlasKernels.restartCommand(XEON, Map.of(), self));
        assertEquals(Optional.empty(), OpenBlasKernels.restartCommand(EPYC, Map.of(), self));
    }
}
