package io.igw.engine.bench;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.generate.TitleTruth;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.engine.titles.CreativeUplift;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.Map;

/**
 * True conversion of audiences' top creatives under the generator's planted title effects ({@code title_effects.csv}),
 * which no model reads, against the category's generic words ({@link CreativeUplift}).
 */
public final class CreativeUpliftBenchmark implements Job<Map<String, Object>> {
    private final Workspace workspace;
    private final Path truthFile;
    private final int categories;
    private final int rounds;
    private final long seed;

    public CreativeUpliftBenchmark(Workspace workspace, Path truthFile, int categories, int rounds, long seed) {
        this.workspace = workspace;
        this.truthFile = truthFile;
        this.categories = categories;
        this.rounds = rounds;
        this.seed = seed;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        if (categories < 1) {
            throw new InvalidSetting("categories", "must be at least 1, not " + categories);
        }
        TitleTruth truth = TitleUpliftBenchmark.truth(truthFile);
        return new CreativeUplift(workspace, truth::conversion, categories, rounds, seed).run(context);
    }
}
