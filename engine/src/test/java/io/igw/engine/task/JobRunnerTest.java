package io.igw.engine.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
    @Test
    void aCancelledJobEndsCancelledAndStaysSo() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try (JobRunner runner = JobRunner.background()) {
            JobHandle<Integer> handle = runner.submit("loop", ctx -> {
                started.countDown();
                while (true) {
                    ctx.checkCancelled();
                    Thread.sleep(5);
                }
            }, ProgressListener.NONE);
            started.await(5, TimeUnit.SECONDS);
            handle.cancel();
            assertThrows(CancelledException.class, handle::await);
            assertEquals(JobState.CANCELLED, handle.state());
            handle.cancel();
            assertEquals(JobState.CANCELLED, handle.state());
        }
    }

    @Test
    void aFailureIsRethrownByAwaitAndCallbacksRunOnce() {
        int[] callbacks = new int[1];
        try (JobRunner runner = JobRunner.direct()) {
            JobHandle<Integer> handle = runner.submit("fail", ctx -> {
                throw new IllegalStateException("boom");
            }, ProgressListener.NONE);
            handle.whenDone(() -> callbacks[0]++);
            assertEquals(JobState.FAILED, handle.state());
            assertEquals("boom", assertThrows(IllegalStateException.class, handle::await).getMessage());
            assertEquals(1, callbacks[0]);
        }
    }
}
