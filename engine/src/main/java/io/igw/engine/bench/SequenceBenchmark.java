package io.igw.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.recommenders.Interactions;
import io.igw.engine.recommenders.Recommender;
import io.igw.engine.recommenders.SequenceTransformer;
import io.igw.engine.recommenders.Session;
import io.igw.engine.recommenders.Split;
import io.igw.engine.recommenders.Training;
import io.igw.engine.recommenders.Ranking;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sequence model against a reference SASRec in PyTorch, in one run, on one split (leave-last-one-out, full
 * ranking): the same network size, the same epochs (a fixed number, no early stopping, so that seconds per epoch
 * compare), then HR and NDCG at 10 and 20 on each user's last action. The peer is a bench-only Python script
 * ({@code sasrec_peer.py}, shipped in the jar) run with {@code python3}; where PyTorch is missing, the peer's figures
 * are absent and {@code peer_error} says why.
 */
public final class SequenceBenchmark implements Job<Map<String, Object>> {
    private final Workspace workspace;
    private final String size;
    private final int epochs;
    private final long seed;
    private final String python;

    public SequenceBenchmark(Workspace workspace, String size, int epochs, long seed, String python) {
        InvalidSetting.atLeast("epochs", epochs, 1);
        SequenceTransformer.Settings.preset(size);
        this.workspace = workspace;
        this.size = size;
        this.epochs = epochs;
        this.seed = seed;
        this.python = python;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        context.progress(0, "reading interactions");
        Interactions all = Interactions.toLearnFrom(workspace);
        Split split = Split.of(all, Split.Kind.LEAVE_LAST, 0.8, seed);
        SequenceTransformer.Settings settings = SequenceTransformer.Settings.preset(size).withEpochs(epochs, epochs);
        List<Training.Epoch> curve = new ArrayList<>();
        long t0 = System.nanoTime();
        Recommender ours = new SequenceTransformer.Trainer(settings).train(split.train(),
                new Training(context.part(0, 0.6, "sequence: "), seed, epochs, curve::add));
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        context.progress(0.6, "ranking every item for each user's last action");
        Map<String, Double> at10 = Ranking.measure(ours, split.train(), split.test(), 10, context);
        Map<String, Double> at20 = Ranking.measure(ours, split.train(), split.test(), 20, context);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", "sequence");
        out.put("size", size);
        out.put("settings", settings.describe());
        out.put("parameters", ((SequenceTransformer) ours).parameters());
        out.put("loss", ((SequenceTransformer) ours).loss());
        out.put("users", all.users());
        out.put("items", all.items());
        out.put("epochs", curve.size());
        out.put("seconds_per_epoch", median(curve.stream().mapToDouble(Training.Epoch::seconds).toArray()));
        out.put("train_seconds", trainSeconds);
        out.put("hr@10", at10.get("hr@10"));
        out.put("ndcg@10", at10.get("ndcg@10"));
        out.put("mrr@10", at10.get("mrr@10"));
        out.put("hr@20", at20.get("hr@20"));
        out.put("ndcg@20", at20.get("ndcg@20"));
        out.put("peer", "SASRec, full cross-entropy, PyTorch (same size, epochs and split)");
        context.progress(0.65, "peer: the same split in PyTorch");
        try {
            JsonNode peer = runPeer(split, all.items(), settings, context);
            out.put("peer_parameters", peer.get("parameters").asLong());
            out.put("peer_threads", peer.get("threads").asInt());
            out.put("peer_seconds_per_epoch", peer.get("seconds_per_epoch").asDouble());
            for (String key : List.of("hr@10", "ndcg@10", "hr@20", "ndcg@20")) {
                out.put("peer_" + key, peer.get(key).asDouble());
            }
            out.put("epoch_to_peer_ratio", (double) out.get("seconds_per_epoch") / peer.get("seconds_per_epoch").asDouble());
            out.put("ndcg_to_peer_ratio", at10.get("ndcg@10") / peer.get("ndcg@10").asDouble());
        } catch (IOException e) {
            out.put("peer_error", e.getMessage());
        }
        context.progress(1, "done");
        return out;
    }

    /** Writes the split for the peer, runs it, and reads its JSON. */
    private JsonNode runPeer(Split split, int items, SequenceTransformer.Settings s, JobContext context) throws IOException, InterruptedException {
        return PythonPeer.run(python, "sasrec_peer.py", w -> {
            for (int u = 0; u < split.train().users(); u++) {
                if (split.test()[u].length == 0) {
                    continue;
                }
                Session session = split.train().session(u);
                StringBuilder line = new StringBuilder();
                for (int i : session.items()) {
                    line.append(line.length() == 0 ? "" : ",").append(i + 1);
                }
                w.write(line + "\t" + (split.test()[u][0] + 1) + "\n");
            }
        }, List.of(String.valueOf(items), String.valueOf(s.width()), String.valueOf(s.blocks()), String.valueOf(s.heads()),
                String.valueOf(s.length()), String.valueOf(epochs), String.valueOf(s.batch()), String.valueOf(seed)), context);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
