package io.igw.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two jobs of one process that write the same thing take turns; a job cancelled while it waits never writes. */
class TurnToWriteTest {
    @TempDir
    Path tmp;

    @Test
    void jobsWritingTheSameThingTakeTurnsAndOthersDoNotWait() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            List<String> said = new CopyOnWriteArrayList<>();
            Workspace.Turn first = ws.turnToWrite("the interest graph", () -> false, () -> said.add("first waited"));
            assertNotNull(first);
            Workspace.Turn other = ws.turnToWrite("models", () -> false, () -> said.add("models waited"));
            assertNotNull(other, "another thing is written at the same time");
            other.close();

            List<String> order = new CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch secondWaits = new java.util.concurrent.CountDownLatch(1);
            Thread second = new Thread(() -> {
                try (Workspace.Turn t = ws.turnToWrite("the interest graph", () -> false, () -> {
                    said.add("second waited");
                    secondWaits.countDown();
                })) {
                    order.add("second writes");
                }
            });
            second.start();
            secondWaits.await();
            order.add("first writes");
            first.close();
            second.join(10_000);
            assertEquals(List.of("first writes", "second writes"), order);
            assertEquals(List.of("second waited"), said, "told once that it waits");

            java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread holder = new Thread(() -> {
                try (Workspace.Turn t = ws.turnToWrite("the interest graph", () -> false, () -> { })) {
                    holding.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            holder.start();
            holding.await();
            AtomicBoolean cancel = new AtomicBoolean();
            long t0 = System.nanoTime();
            // the job is cancelled as soon as it is told it must wait
            assertNull(ws.turnToWrite("the interest graph", cancel::get, () -> cancel.set(true)), "cancelled while waiting: no turn");
            assertTrue((System.nanoTime() - t0) / 1e9 < 5);
            release.countDown();
            holder.join(10_000);
            try (Workspace.Turn again = ws.turnToWrite("the interest graph", () -> false, () -> { })) {
                assertNotNull(again);
            }
        }
    }
}
