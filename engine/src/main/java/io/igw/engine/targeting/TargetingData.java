package io.igw.engine.targeting;

import io.igw.engine.activity.ActivityLog;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.UserAttributes;

/**
 * Reads what audiences are built from (the behaviour log with each item's facets, user attributes, the latest
 * purchase propensities) into an {@link AudienceBuilder}: the slow part, done once per workspace in the
 * background, after which audiences build in well under a second.
 */
public final class TargetingData implements Job<AudienceBuilder> {
    private final Workspace workspace;
    private final ActivityLog preloaded;

    public TargetingData(Workspace workspace) {
        this(workspace, null);
    }

    /** Over a log already read (a report reads it once for all its sections), or null to read it. */
    public TargetingData(Workspace workspace, ActivityLog log) {
        this.workspace = workspace;
        this.preloaded = log;
    }

    @Override
    public AudienceBuilder run(JobContext context) {
        context.progress(0, "reading the behaviour log");
        ActivityLog log = preloaded != null ? preloaded : ActivityLog.load(workspace);
        context.checkCancelled();
        context.progress(0.7, "reading user attributes");
        UserAttributes people = UserAttributes.load(workspace);
        Propensity propensity = Propensity.latest(workspace);
        AudienceBuilder builder = new AudienceBuilder(log, people, propensity);
        context.progress(0.8, "counting sessions");
        builder.counts();
        context.progress(1, String.format(java.util.Locale.ROOT, "%,d users, %,d events", log.users(), log.events()));
        return builder;
    }
}
