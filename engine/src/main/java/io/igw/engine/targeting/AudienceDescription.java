package io.igw.engine.targeting;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.graph.GraphKind;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.engine.text.TextEncoder;
import io.igw.engine.text.TextSearch;
import io.igw.storage.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An audience from a description in plain words ("young parents buying organic baby food", "送礼的茶叶"): the
 * categories, tags (as concepts, with their forms) and brands whose names mean what it says, by the text model,
 * each with its similarity. They are proposals: shown, edited, then built into an audience as any targets are.
 */
public final class AudienceDescription implements Job<AudienceDescription.Result> {
    /** Proposals of each kind considered; the best of all kinds are then ranked together. */
    private static final int PER_KIND = 5;

    /** One proposed target, what it is called, and how close its name is to the description (cosine). */
    public record Proposal(Target target, String label, double similarity) {
    }

    /** The proposals, closest first, and the model that read the description. */
    public record Result(String description, String model, List<Proposal> proposals) {
        /** The first {@code n} proposals' targets: what is targeted when nothing is edited. */
        public List<Target> top(int n) {
            return proposals.subList(0, Math.min(n, proposals.size())).stream().map(Proposal::target).toList();
        }
    }

    private final Workspace workspace;
    private final TextEncoder encoder;
    private final String description;
    private final int limit;

    /** @param limit how many proposals to return */
    public AudienceDescription(Workspace workspace, TextEncoder encoder, String description, int limit) {
        if (description == null || description.isBlank()) {
            throw new InvalidSetting("describe", "must say who the audience is, in words");
        }
        InvalidSetting.atLeast("limit", limit, 1);
        this.workspace = workspace;
        this.encoder = encoder;
        this.description = description.strip();
        this.limit = limit;
    }

    @Override
    public Result run(JobContext context) throws Exception {
        context.progress(0, "matching category, tag and brand names");
        TextSearch.Result found = new TextSearch(workspace, encoder, description,
                List.of(TextSearch.Kind.CATEGORY, TextSearch.Kind.TAG, TextSearch.Kind.BRAND), PER_KIND).run(context);
        List<Proposal> all = new ArrayList<>();
        for (TextSearch.Hit hit : found.hits()) {
            all.add(new Proposal(target(TextSearch.Kind.named(hit.kind()), hit), String.join(" / ", hit.forms()),
                    hit.similarity()));
        }
        all.sort(Comparator.comparingDouble(Proposal::similarity).reversed());
        context.progress(1, all.size() + " proposals");
        return new Result(description, found.model(), List.copyOf(all.subList(0, Math.min(limit, all.size()))));
    }

    private static Target target(TextSearch.Kind kind, TextSearch.Hit hit) {
        return switch (kind) {
            case CATEGORY -> new Target(GraphKind.CATEGORY, Long.toString(hit.id()));
            case TAG -> new Target(GraphKind.TAG, hit.label());
            case BRAND -> new Target(GraphKind.BRAND, hit.label());
            case ITEM -> new Target(GraphKind.ITEM, Long.toString(hit.id()));
        };
    }
}
