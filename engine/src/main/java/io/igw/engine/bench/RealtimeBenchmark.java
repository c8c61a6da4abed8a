package io.igw.engine.bench;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.recommenders.SequenceTransformer;
import io.igw.engine.recommenders.Session;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Real-time scoring: how long the sequence model takes to score one session of {@code length} actions against the
 * whole catalogue (the blocks over the session, then its last hidden state against every item), for each catalogue
 * size. Each run scores {@code sessions} random sessions after a warm-up and takes the 95th percentile; the bench
 * prints the median of the runs' percentiles (and their median time) per catalogue.
 */
public final class RealtimeBenchmark implements Job<Map<String, Object>> {
    private final List<Integer> catalogues;
    private final String size;
    private final int length;
    private final int sessions;
    private final int runs;

    public RealtimeBenchmark(List<Integer> catalogues, String size, int length, int sessions, int runs) {
        SequenceTransformer.Settings.preset(size);
        catalogues.forEach(c -> InvalidSetting.atLeast("items", c, 1));
        InvalidSetting.atLeast("length", length, 1);
        InvalidSetting.atLeast("sessions", sessions, 20);
        InvalidSetting.atLeast("runs", runs, 1);
        this.catalogues = List.copyOf(catalogues);
        this.size = size;
        this.length = length;
        this.sessions = sessions;
        this.runs = runs;
    }

    @Override
    public Map<String, Object> run(JobContext context) {
        List<Object> rows = new ArrayList<>();
        for (int c = 0; c < catalogues.size(); c++) {
            int items = catalogues.get(c);
            context.progress((double) c / catalogues.size(), items + " items");
            SequenceTransformer model = SequenceTransformer.untrained(SequenceTransformer.Settings.preset(size), items, 1);
            Random random = new Random(7);
            float[] scores = new float[items];
            for (int w = 0; w < 50; w++) {
                model.score(session(items, random), scores);
            }
            double[] p95 = new double[runs];
            double[] median = new double[runs];
            for (int r = 0; r < runs; r++) {
                context.checkCancelled();
                double[] ms = new double[sessions];
                for (int n = 0; n < sessions; n++) {
                    Session s = session(items, random);
                    long t0 = System.nanoTime();
                    model.score(s, scores);
                    ms[n] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                p95[r] = ms[(int) Math.ceil(0.95 * sessions) - 1];
                median[r] = ms[sessions / 2];
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("items", items);
            row.put("parameters", model.parameters());
            row.put("p95_ms", SequenceBenchmark.median(p95));
            row.put("median_ms", SequenceBenchmark.median(median));
            row.put("runs_p95_ms", Arrays.stream(p95).boxed().toList());
            rows.add(row);
        }
        context.progress(1, "done");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("size", size);
        out.put("session_length", length);
        out.put("sessions_per_run", sessions);
        out.put("runs", runs);
        out.put("catalogues", rows);
        return out;
    }

    private Session session(int items, Random random) {
        int[] chosen = new int[length];
        byte[] kinds = new byte[length];
        long[] times = new long[length];
        long t = 1_700_000_000L;
        for (int p = 0; p < length; p++) {
            chosen[p] = random.nextInt(items);
            kinds[p] = (byte) (1 + random.nextInt(4));
            t += 30 + random.nextInt(3600);
            times[p] = t;
        }
        return new Session(chosen, kinds, times);
    }
}
