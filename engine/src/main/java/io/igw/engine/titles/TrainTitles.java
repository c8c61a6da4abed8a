package io.igw.engine.titles;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;

/**
 * Trains a title generator on the workspace's catalogue (by likelihood, then adversarially against a discriminator
 * and the click model learned from its behaviour) and stores it in the registry; returns its model id. Suggesting
 * titles or creatives trains one this way, with the standard effort, when none is stored.
 */
public final class TrainTitles implements Job<Integer> {
    /** How hard to train: passes over the titles, titles per pass, and adversarial rounds. */
    public record Effort(int epochs, int titlesPerEpoch, int rounds) {
        public Effort {
            if (epochs < 1 || titlesPerEpoch < 1 || rounds < 0) {
                throw new InvalidSetting("effort", "needs at least one epoch of at least one title, and no negative rounds");
            }
        }

        public static Effort standard() {
            TitleGenerator.Settings s = TitleGenerator.Settings.standard(0);
            return new Effort(s.epochs(), s.titlesPerEpoch(), s.rounds());
        }
    }

    private final Workspace workspace;
    private final Effort effort;
    private final long seed;

    public TrainTitles(Workspace workspace, Effort effort, long seed) {
        this.workspace = workspace;
        this.effort = effort;
        this.seed = seed;
    }

    @Override
    public Integer run(JobContext context) {
        context.progress(0, "learning what titles do from behaviour");
        ClickModel clicks = ClickModel.learn(workspace);
        context.checkCancelled();
        TitleGenerator.Settings s = TitleGenerator.Settings.standard(seed);
        TitleGenerator.Settings settings = new TitleGenerator.Settings(effort.epochs(), effort.titlesPerEpoch(), effort.rounds(),
                s.itemsPerRound(), s.samplesPerItem(), s.realness(), s.width(), s.blocks(), s.heads(), seed);
        Listings listings = Listings.read(workspace);
        TitleGenerator generator = TitleGenerator.trained(listings, clicks, settings, context.part(0, 0.9, ""));
        context.progress(0.9, "learning how this shop's own titles differ from the generator's");
        generator.fluency(clicks);
        return new TitleModels(workspace).store(generator, settings);
    }
}
