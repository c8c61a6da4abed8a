package io.igw.engine.targeting;

import io.igw.engine.recommenders.UserVectors;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Previewing a campaign, the one job behind {@code igw audience} and the Targeting screen: build each audience,
 * measure the first one's expected lift, add its lookalikes, compare the audiences, and export the first with its
 * lookalikes when asked. The behaviour log is read once ({@link TargetingData}) unless a builder over it is given.
 */
public final class AudiencePreview implements Job<AudiencePreview.Result> {
    /**
     * What to preview: the audiences (the first is measured, expanded and exported), the share of the score
     * purchase propensity takes (null: the builder's own), the lookalikes to add (a percentage of all users, or
     * null for none), the held-out days and seed of the lift, where to export (null: nowhere) and how (null: hashed
     * ids, at least {@link AudienceCsv#DEFAULT_MINIMUM_SIZE} people).
     */
    public record Request(List<AudienceSpec> audiences, Double propensityWeight, Double lookalikePercent, int holdoutDays,
                          long seed, Path exportTo, AudienceCsv.Privacy privacy) {
        public Request {
            audiences = List.copyOf(audiences);
            privacy = privacy == null ? AudienceCsv.Privacy.DEFAULT : privacy;
            if (audiences.isEmpty()) {
                throw new IllegalArgumentException("a preview needs at least one audience");
            }
        }

        /** One audience with the lift measured as the screen does, nothing exported. */
        public static Request of(AudienceSpec spec, Double propensityWeight, Double lookalikePercent) {
            return new Request(List.of(spec), propensityWeight, lookalikePercent, ExpectedLift.DEFAULT_HOLDOUT_DAYS, 1, null, null);
        }
    }

    /** The file written, its rows, and whether its ids were hashed. */
    public record Export(Path file, int rows, boolean hashedIds) {
    }

    /**
     * Each audience, the first one's expected lift and lookalikes (null when none were asked for or it is empty),
     * the pairwise overlap (with more than one audience), what was exported (or null), the propensity's source
     * (or null), and the builder, for a next preview over the same log.
     */
    public record Result(List<AudienceBuilder.Audience> audiences, ExpectedLift.Result lift, Lookalikes.Result lookalikes,
                         List<Overlap.Pair> overlap, Export exported, String propensity, AudienceBuilder builder) {
        public AudienceBuilder.Audience first() {
            return audiences.get(0);
        }

        /** The first audience's members followed by its lookalikes: what an export holds. */
        public List<AudienceBuilder.Member> withLookalikes() {
            List<AudienceBuilder.Member> all = new ArrayList<>(first().members());
            if (lookalikes != null) {
                all.addAll(lookalikes.members());
            }
            return all;
        }
    }

    private final Workspace workspace;
    private final AudienceBuilder loaded;
    private final Request request;

    /** @param loaded a builder over the log already read, or null to read it */
    public AudiencePreview(Workspace workspace, AudienceBuilder loaded, Request request) {
        this.workspace = workspace;
        this.loaded = loaded;
        this.request = request;
    }

    @Override
    public Result run(JobContext context) throws Exception {
        AudienceBuilder builder = loaded != null ? loaded : new TargetingData(workspace).run(context.part(0, 0.5, null));
        if (request.propensityWeight() != null) {
            builder.propensityWeight(request.propensityWeight());
        }
        context.progress(0.5, "building " + (request.audiences().size() == 1 ? "the audience" : request.audiences().size() + " audiences"));
        List<AudienceBuilder.Audience> audiences = new ArrayList<>();
        for (AudienceSpec spec : request.audiences()) {
            context.checkCancelled();
            audiences.add(builder.build(spec));
        }
        AudienceBuilder.Audience first = audiences.get(0);
        context.progress(0.6, "measuring the expected lift on the last " + request.holdoutDays() + " days");
        ExpectedLift.Result lift = ExpectedLift.measure(builder, request.audiences().get(0), first.size(), request.holdoutDays(),
                request.seed());
        context.checkCancelled();
        Lookalikes.Result lookalikes = null;
        if (request.lookalikePercent() != null && first.size() > 0) {
            context.progress(0.8, "finding lookalikes");
            lookalikes = Lookalikes.expand(builder, first, request.lookalikePercent(), UserVectors.latest(workspace).orElse(null));
        }
        List<Overlap.Pair> overlap = audiences.size() > 1
                ? Overlap.of(audiences.stream().map(AudienceBuilder.Audience::members).toList()) : List.of();
        Result result = new Result(audiences, lift, lookalikes, overlap, null, builder.propensity() == null ? null
                : builder.propensity().source(), builder);
        if (request.exportTo() != null) {
            context.progress(0.95, "exporting to " + request.exportTo());
            List<AudienceBuilder.Member> rows = result.withLookalikes();
            AudienceCsv.write(request.exportTo(), rows, request.privacy());
            result = new Result(audiences, lift, lookalikes, overlap, new Export(request.exportTo(), rows.size(),
                    request.privacy().hashIds()),
                    result.propensity(), builder);
        }
        context.progress(1, first.size() + " users in the audience");
        return result;
    }
}
