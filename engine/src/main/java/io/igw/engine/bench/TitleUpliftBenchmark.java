package io.igw.engine.bench;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.generate.TitleTruth;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.engine.titles.TitleUplift;
import io.igw.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * True uplift of suggested titles under the generator's planted title effects ({@code title_effects.csv}), which the
 * click model and the title generator never read: the adversarially tuned generator, the same one before its
 * adversarial stage, and the category template, in one run ({@link TitleUplift}).
 */
public final class TitleUpliftBenchmark implements Job<Map<String, Object>> {
    private final Workspace workspace;
    private final Path truthFile;
    private final int items;
    private final int rounds;
    private final long seed;

    public TitleUpliftBenchmark(Workspace workspace, Path truthFile, int items, int rounds, long seed) {
        this.workspace = workspace;
        this.truthFile = truthFile;
        this.items = items;
        this.rounds = rounds;
        this.seed = seed;
    }

    /** The planted title effects from the generator's {@code title_effects.csv}; a missing file is the user's mistake. */
    static TitleTruth truth(Path truthFile) throws java.io.IOException {
        if (!Files.isRegularFile(truthFile)) {
            throw new InvalidSetting("truth", "there is no file " + truthFile + " (the generator writes title_effects.csv)");
        }
        return TitleTruth.read(truthFile.toAbsolutePath().getParent());
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        if (items < 10) {
            throw new InvalidSetting("items", "at least 10 items are needed for a mean uplift");
        }
        TitleTruth truth = truth(truthFile);
        return new TitleUplift(workspace, truth::conversion, truth::showsRaisingWord, items, rounds, seed).run(context);
    }
}
