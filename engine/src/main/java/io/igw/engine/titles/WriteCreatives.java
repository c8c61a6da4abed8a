package io.igw.engine.titles;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.targeting.AudienceBuilder;
import io.igw.engine.targeting.AudienceSpec;
import io.igw.engine.targeting.TargetingData;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The job behind {@code igw creatives} and the Targeting screen's Creatives tab: builds the audience, learns the
 * click model from everyone's behaviour and then from the audience's own, takes the newest stored title generator
 * (training one first if there is none), and writes the audience's creatives ({@link AdCreatives}).
 */
public final class WriteCreatives implements Job<List<WriteCreatives.Result>> {
    /** The audience the creatives were written for, and the creatives. */
    public record Result(AudienceBuilder.Audience audience, AdCreatives.Result creatives) {
    }

    /** What to do when the workspace has no stored title generator. */
    public enum WhenNoGenerator { TRAIN_ONE, FAIL }

    private final Workspace workspace;
    private final AudienceBuilder loaded;
    private final List<AudienceSpec> specs;
    private final int n;
    private final boolean retrain;
    private final WhenNoGenerator none;
    private final long seed;

    /** @param loaded a builder over the log already read (the Targeting screen's), or null to read it */
    public WriteCreatives(Workspace workspace, AudienceBuilder loaded, AudienceSpec spec, int n, boolean retrain, long seed) {
        this(workspace, loaded, List.of(spec), n, retrain, WhenNoGenerator.TRAIN_ONE, seed);
    }

    /** For several audiences at once, sharing the click model and the generator (a report's). */
    public WriteCreatives(Workspace workspace, AudienceBuilder loaded, List<AudienceSpec> specs, int n, boolean retrain,
                          WhenNoGenerator none, long seed) {
        if (n < 1 || n > 20) {
            throw new InvalidSetting("n", "must be between 1 and 20, not " + n);
        }
        this.workspace = workspace;
        this.loaded = loaded;
        this.specs = List.copyOf(specs);
        this.n = n;
        this.retrain = retrain;
        this.none = none;
        this.seed = seed;
    }

    /** Whether the workspace has a stored title generator (a report writes creatives only then). */
    public static boolean hasStoredGenerator(Workspace workspace) {
        return new TitleModels(workspace).latestId() >= 0;
    }

    @Override
    public List<Result> run(JobContext context) {
        if (none == WhenNoGenerator.FAIL && !retrain && !hasStoredGenerator(workspace)) {
            throw new IllegalStateException("This workspace has no title generator yet: suggest titles for an item or "
                    + "write creatives for an audience once to train one.");
        }
        AudienceBuilder builder = loaded != null ? loaded : new TargetingData(workspace).run(context.part(0, 0.05, null));
        List<AudienceBuilder.Audience> audiences = new ArrayList<>();
        for (AudienceSpec spec : specs) {
            AudienceBuilder.Audience audience = builder.build(spec);
            if (audience.size() == 0) {
                throw new IllegalArgumentException("Nobody in this workspace is in the audience "
                        + spec.include().stream().map(Object::toString).toList() + ": pick interests its users have touched.");
            }
            audiences.add(audience);
        }
        context.progress(0.05, "learning what titles do from everyone's behaviour");
        Listings listings = Listings.read(workspace);
        if (listings.size() == 0) {
            throw new IllegalArgumentException("This workspace's catalogue has no titled items to write creatives for: "
                    + "import items.csv with titles.");
        }
        ClickModel everyone = ClickModel.fit(listings.counted(builder.log(), u -> true), null);
        context.checkCancelled();
        TitleGenerator generator = new TitleModels(workspace).latestOrTrained(listings, everyone, retrain, seed, context);
        AdCreatives writer = AdCreatives.in(workspace, generator, everyone, seed);
        List<Result> out = new ArrayList<>();
        for (AudienceBuilder.Audience audience : audiences) {
            context.checkCancelled();
            context.progress(0.9 + 0.1 * out.size() / audiences.size(), "writing creatives for " + audience.size() + " users");
            Set<Long> members = new HashSet<>();
            audience.members().forEach(m -> members.add(m.userId()));
            out.add(new Result(audience, writer.write(builder.log(), members, n)));
        }
        context.progress(1, out.stream().mapToInt(r -> r.creatives().creatives().size()).sum() + " creatives");
        return out;
    }
}
