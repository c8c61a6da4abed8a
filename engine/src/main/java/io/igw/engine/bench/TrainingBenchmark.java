package io.igw.engine.bench;

import io.igw.engine.recommenders.Ease;
import io.igw.engine.recommenders.Interactions;
import io.igw.engine.recommenders.ModelCatalog;
import io.igw.engine.recommenders.ModelTraining;
import io.igw.engine.recommenders.RecommenderTrainer;
import io.igw.engine.recommenders.Split;
import io.igw.engine.recommenders.Training;
import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;

/**
 * Times a model's training on a workspace: seconds per epoch (learning only, the median over the epochs run) and the
 * validation ranking each epoch adds, with peak heap and peak resident memory (ND4J's arrays live off the heap).
 * The peer, measured in the same run on the same data, is an EASE fit: the strongest closed-form baseline, a
 * single matrix inversion. For the autoencoder a second peer runs too: the same network in PyTorch on the same rows,
 * batch and epochs ({@code torch_seconds_per_epoch}, {@code epoch_to_torch_ratio}). Nothing is stored.
 */
public final class TrainingBenchmark implements Job<Map<String, Object>> {
    private final Workspace workspace;
    private final String model;
    private final int epochs;
    private final long seed;
    private final String python;

    public TrainingBenchmark(Workspace workspace, String model, int epochs, long seed) {
        this(workspace, model, epochs, seed, "/usr/bin/python3");
    }

    /** @param python the PyTorch peer's Python (the autoencoder only) */
    public TrainingBenchmark(Workspace workspace, String model, int epochs, long seed, String python) {
        ModelCatalog.checkTrainable(model);
        InvalidSetting.atLeast("epochs", epochs, 1);
        this.workspace = workspace;
        this.model = model;
        this.epochs = epochs;
        this.seed = seed;
        this.python = python;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        context.progress(0, "reading interactions");
        Interactions all = Interactions.toLearnFrom(workspace);
        Split split = Split.of(all, Split.Kind.RANDOM, ModelTraining.VALIDATION_SPLIT, seed);
        List<Training.Epoch> curve = new ArrayList<>();
        RecommenderTrainer<?> trainer = ModelCatalog.trainer(model, workspace);
        double seconds;
        double peakHeap;
        long peakResident;   // resident memory when training ends (JavaCPP reads it from the OS)
        try (HeapPeak heap = new HeapPeak()) {
            long t0 = System.nanoTime();
            trainer.train(split.train(), new Training(context.part(0, 0.8, model + ": "), seed, epochs, curve::add));
            seconds = (System.nanoTime() - t0) / 1e9;
            peakHeap = heap.peakMb();
            peakResident = Pointer.physicalBytes();
        }
        context.progress(0.8, "peer: an EASE fit on the same data");
        double peer = Double.NaN;
        if (all.items() <= Ease.MAX_ITEMS) {
            long t0 = System.nanoTime();
            new Ease.Trainer(Ease.Settings.standard()).train(split.train(), Training.quiet(seed));
            peer = (System.nanoTime() - t0) / 1e9;
        }
        double[] perEpoch = curve.stream().mapToDouble(Training.Epoch::seconds).sorted().toArray();
        double[] validation = curve.stream().mapToDouble(Training.Epoch::validationSeconds).sorted().toArray();
        double epochSeconds = perEpoch.length == 0 ? seconds : median(perEpoch);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model);
        out.put("parameters", trainer.settings().describe());
        out.put("users", all.users());
        out.put("items", all.items());
        out.put("interactions", split.train().size());
        out.put("epochs", curve.size());
        out.put("seconds_per_epoch", epochSeconds);
        out.put("seconds_per_epoch_max", perEpoch.length == 0 ? seconds : perEpoch[perEpoch.length - 1]);
        out.put("validation_seconds_per_epoch", validation.length == 0 ? 0.0 : median(validation));
        out.put("train_seconds", seconds);
        out.put("peak_heap_mb", peakHeap);
        out.put("heap_limit_mb", HeapPeak.limitMb());
        out.put("resident_mb", peakResident / (1024.0 * 1024.0));
        out.put("peer", "ease fit");
        out.put("peer_seconds", peer);
        out.put("epoch_to_peer_ratio", epochSeconds / peer);
        if (model.equals("autoencoder")) {
            context.progress(0.9, "peer: the same network in PyTorch");
            // the rows the autoencoder learned from: early stopping holds out a seeded tenth of the training part
            Interactions learned = Split.of(split.train(), Split.Kind.RANDOM, 0.9, seed ^ 0x5eed).train();
            torchPeer(learned, (io.igw.engine.recommenders.Autoencoder.Settings) trainer.settings(), context, out);
        }
        context.progress(1, "done");
        return out;
    }

    private void torchPeer(Interactions rows, io.igw.engine.recommenders.Autoencoder.Settings s, JobContext context,
                           Map<String, Object> out) throws InterruptedException {
        try {
            com.fasterxml.jackson.databind.JsonNode peer = PythonPeer.run(python, "autoencoder_peer.py", w -> {
                for (int u = 0; u < rows.users(); u++) {
                    StringBuilder line = new StringBuilder();
                    for (int i : rows.row(u)) {
                        line.append(line.length() == 0 ? "" : ",").append(i);
                    }
                    w.write(line + "\n");
                }
            }, List.of(String.valueOf(rows.items()), String.valueOf(s.bottleneck()), String.valueOf(s.batch()),
                    String.valueOf(epochs), String.valueOf(seed), String.valueOf(s.keep()), String.valueOf(s.learningRate()),
                    String.valueOf(s.l2())), context);
            double torch = peer.get("seconds_per_epoch").asDouble();
            out.put("torch_peer", "the same Mult-DAE in PyTorch (same rows, batch, epochs)");
            out.put("torch_threads", peer.get("threads").asInt());
            out.put("torch_seconds_per_epoch", torch);
            out.put("epoch_to_torch_ratio", (double) out.get("seconds_per_epoch") / torch);
        } catch (java.io.IOException e) {
            out.put("torch_error", e.getMessage());
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
