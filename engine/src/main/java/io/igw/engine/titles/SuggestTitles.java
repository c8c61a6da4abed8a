package io.igw.engine.titles;

import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;

/**
 * The job behind {@code igw titles} and the explorer's "Suggest titles": learns the click model from the workspace's
 * behaviour, takes the newest stored title generator (training and storing one first if there is none, or if asked
 * to), and suggests titles for one item.
 */
public final class SuggestTitles implements Job<TitleSuggester.Suggestions> {
    private final Workspace workspace;
    private final long item;
    private final int n;
    private final boolean retrain;
    private final long seed;

    public SuggestTitles(Workspace workspace, long item, int n, boolean retrain, long seed) {
        if (n < 1 || n > 50) {
            throw new io.igw.engine.errors.InvalidSetting("n", "must be between 1 and 50, not " + n);
        }
        this.workspace = workspace;
        this.item = item;
        this.n = n;
        this.retrain = retrain;
        this.seed = seed;
    }

    @Override
    public TitleSuggester.Suggestions run(JobContext context) {
        Listings listings = Listings.read(workspace);
        if (listings.get(item) == null) {
            throw new IllegalArgumentException("Item " + item + " has no title in this workspace's catalogue: "
                    + "import items.csv with its title, or pick another item.");
        }
        context.progress(0, "learning what titles do from behaviour");
        ClickModel clicks = ClickModel.learn(workspace);
        context.checkCancelled();
        TitleGenerator generator = new TitleModels(workspace).latestOrTrained(listings, clicks, retrain, seed, context);
        context.progress(0.92, "writing titles for item " + item);
        TitleSuggester suggester = new TitleSuggester(generator, clicks, generator.fluency(clicks), seed);
        return suggester.suggest(item, n);
    }
}
