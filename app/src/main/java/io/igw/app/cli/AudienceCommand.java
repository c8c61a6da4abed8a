package io.igw.app.cli;

import io.igw.engine.targeting.AudienceBuilder;
import io.igw.engine.targeting.AudienceCsv;
import io.igw.engine.targeting.AudienceDescription;
import io.igw.engine.targeting.AudiencePreview;
import io.igw.engine.targeting.AudienceSpec;
import io.igw.engine.targeting.BehaviourRule;
import io.igw.engine.targeting.Demographics;
import io.igw.engine.targeting.ExpectedLift;
import io.igw.engine.targeting.Lookalikes;
import io.igw.engine.targeting.Overlap;
import io.igw.engine.targeting.Target;
import io.igw.engine.text.Bilingual;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audience", mixinStandardHelpOptions = true,
        description = {"Previews an ad audience: who is interested in the targets, how many a threshold reaches, and the lift to expect.",
            "Users score the share of their sessions that touched a target (blended with purchase propensity after igw predict purchase).",
            "Each --target is one audience; give up to 5 to see their overlap (the first is the one sized, measured and exported).",
            "Nothing is written unless --out is given."})
final class AudienceCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--target", paramLabel = "KIND:VALUE[,...]",
            description = "Interests to target, comma-separated: category:ID, tag:NAME, brand:NAME, item:ID. Repeat for more audiences.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--describe", paramLabel = "TEXT",
            description = {"Who the audience is, in words (\"young parents buying organic baby food\"): the text model proposes",
                "the closest categories, tags and brands, printed with their similarity; the top --use of them are targeted",
                "(as one more audience when --target is given too). Edit by passing the ones you want as --target."})
    String describe;

    @Option(names = "--use", defaultValue = "3", paramLabel = "N",
            description = "How many of the described proposals to target (default ${DEFAULT-VALUE}).")
    int use;

    @Option(names = "--exclude", split = ",", paramLabel = "KIND:VALUE", description = "Leave out users interested in these.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--did", split = ",", paramLabel = "BEHAVIOUR:DAYS", description = "Keep users who did this lately, e.g. buy:30.")
    List<String> did = new ArrayList<>();

    @Option(names = "--did-not", split = ",", paramLabel = "BEHAVIOUR:DAYS", description = "Keep users who did not, e.g. view:7.")
    List<String> didNot = new ArrayList<>();

    @Option(names = "--age", paramLabel = "MIN-MAX", description = "Age range from the users file, e.g. 25-34, 40- or -24.")
    String age;

    @Option(names = "--gender", split = ",", paramLabel = "G", description = "Genders from the users file, e.g. F or F,M.")
    List<String> genders = new ArrayList<>();

    @Option(names = "--city", split = ",", paramLabel = "CITY", description = "Cities from the users file.")
    List<String> cities = new ArrayList<>();

    @Option(names = "--size", paramLabel = "N", description = "Keep the top N users.")
    Integer size;

    @Option(names = "--threshold", paramLabel = "T", description = "Keep users scoring at least T (0 to 1).")
    Double threshold;

    @Option(names = "--lookalike", paramLabel = "PCT", description = "Add lookalikes: this percentage (1 to 10) of all users most like the audience.")
    Double lookalike;

    @Option(names = "--propensity-weight", paramLabel = "W",
            description = "Share of the score purchase propensity takes once igw predict purchase has run (0 to 1; default 0.2).")
    Double propensityWeight;

    @Option(names = "--holdout-days", defaultValue = "7", paramLabel = "D",
            description = "Days held out from scoring to measure the expected lift (default ${DEFAULT-VALUE}).")
    int holdoutDays;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Draws the random users the lift compares with (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = {"Export the audience (and lookalikes) as user_id,score,reason; ids are normalised and",
                "SHA-256-hashed, as ad platforms expect, unless --plain-ids is given."})
    Path out;

    @Option(names = "--plain-ids", description = "Export the user ids as they are, not hashed.")
    boolean plainIds;

    /** Hashing is the default now; the flag is kept so that scripts written for it still run. */
    @Option(names = "--hash-ids", hidden = true)
    boolean hashIds;

    @Option(names = "--min-size", defaultValue = "" + AudienceCsv.DEFAULT_MINIMUM_SIZE, paramLabel = "N",
            description = {"Refuse to export fewer people than this (default ${DEFAULT-VALUE}, as ad platforms require),",
                "so that no one can be singled out."})
    int minSize;

    @Option(names = "--members", defaultValue = "20", paramLabel = "N", description = "Members printed (default ${DEFAULT-VALUE}).")
    int printed;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        if (targets.isEmpty() && describe == null) {
            throw new IllegalArgumentException("Say whom to target: --target KIND:VALUE, or --describe \"who they are\".");
        }
        if (use < 1) {
            throw new IllegalArgumentException("--use must be at least 1, not " + use + ".");
        }
        if (targets.size() + (describe == null ? 0 : 1) > Overlap.MAX_AUDIENCES) {
            throw new IllegalArgumentException("Give at most " + Overlap.MAX_AUDIENCES + " --target audiences, not " + targets.size() + ".");
        }
        if ((hashIds || plainIds) && out == null) {
            throw new IllegalArgumentException((plainIds ? "--plain-ids" : "--hash-ids") + " applies to the export: give --out FILE.csv too.");
        }
        if (hashIds && plainIds) {
            throw new IllegalArgumentException("Give --hash-ids or --plain-ids, not both.");
        }
        AudienceCsv.Privacy privacy = new AudienceCsv.Privacy(!plainIds, minSize);
        List<AudienceSpec> specs = new ArrayList<>();
        List<BehaviourRule> rules = new ArrayList<>();
        did.forEach(r -> rules.add(BehaviourRule.parse(r, true)));
        didNot.forEach(r -> rules.add(BehaviourRule.parse(r, false)));
        Demographics who = Demographics.parse(age, genders, cities);
        List<List<Target>> included = new ArrayList<>();
        for (String t : targets) {
            included.add(Target.parseAll(Arrays.asList(t.split(",")), "--target"));
        }
        List<Target> excluded = Target.parseAll(exclude, "--exclude");
        try (Workspace ws = Workspace.open(workspace, false)) {
            AudienceDescription.Result described = null;
            if (describe != null) {
                described = Jobs.run("describe", new AudienceDescription(ws, new Bilingual(), describe,
                        Math.max(use, PROPOSALS_SHOWN)), output.quiet);
                if (described.proposals().isEmpty()) {
                    throw new IllegalArgumentException("Nothing in this workspace's catalogue has a name to match '" + describe + "'.");
                }
                included.add(described.top(use));
            }
            for (List<Target> include : included) {
                specs.add(new AudienceSpec(include, excluded, rules, who, size, threshold));
            }
            AudiencePreview.Result preview = Jobs.run("audience", new AudiencePreview(ws, null, new AudiencePreview.Request(
                    specs, propensityWeight, lookalike, holdoutDays, seed, out, privacy)), output.quiet);
            List<AudienceBuilder.Audience> audiences = preview.audiences();
            AudienceBuilder.Audience first = preview.first();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("size", first.size());
            json.put("eligible", first.eligible());
            json.put("users", first.totalUsers());
            json.put("targets", specs.get(0).include().stream().map(Target::toString).toList());
            List<Object> reach = new ArrayList<>();
            first.reach().forEach(p -> reach.add(Json.obj("threshold", p.threshold(), "size", p.size())));
            json.put("reach", reach);
            json.put("expected_lift", lift(preview.lift()));
            json.put("propensity", preview.propensity());
            if (described != null) {
                json.put("described", described(described));
            }
            if (preview.lookalikes() != null) {
                Lookalikes.Result more = preview.lookalikes();
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("percent", more.percent());
                l.put("size", more.members().size());
                l.put("source", more.source());
                json.put("lookalike", l);
            }
            json.put("members", members(first.members().subList(0, Math.min(Math.max(0, printed), first.size()))));
            if (audiences.size() > 1) {
                List<Object> each = new ArrayList<>();
                for (int k = 0; k < audiences.size(); k++) {
                    each.add(Json.obj("targets", specs.get(k).include().stream().map(Target::toString).toList(),
                            "size", audiences.get(k).size()));
                }
                json.put("audiences", each);
                List<Object> pairs = new ArrayList<>();
                for (Overlap.Pair p : preview.overlap()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("a", p.a());
                    m.put("b", p.b());
                    m.put("both", p.both());
                    m.put("share_of_a", p.shareOfA());
                    m.put("share_of_b", p.shareOfB());
                    m.put("jaccard", p.jaccard());
                    pairs.add(m);
                }
                json.put("overlap", pairs);
            }
            if (preview.exported() != null) {
                AudiencePreview.Export e = preview.exported();
                json.put("exported", Json.obj("file", e.file().toAbsolutePath().toString(), "rows", e.rows(), "hashed_ids", e.hashedIds(),
                        "min_size", privacy.minimumSize()));
            }
            System.out.println(Json.write(json));
        }
        return 0;
    }

    /** How many described proposals are printed (those beyond --use are there to choose from). */
    private static final int PROPOSALS_SHOWN = 10;

    private Map<String, Object> described(AudienceDescription.Result d) {
        List<Object> proposals = new ArrayList<>();
        for (int n = 0; n < d.proposals().size(); n++) {
            AudienceDescription.Proposal p = d.proposals().get(n);
            proposals.add(Json.obj("target", p.target().toString(), "label", p.label(), "similarity", p.similarity(),
                    "used", n < use));
        }
        return Json.obj("description", d.description(), "model", d.model(), "proposals", proposals);
    }

    private static Map<String, Object> lift(ExpectedLift.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lift", r.lift());
        m.put("low", r.low());
        m.put("high", r.high());
        m.put("audience_rate", r.audienceRate());
        m.put("random_rate", r.randomRate());
        m.put("audience_conversions", r.audienceConversions());
        m.put("audience_size", r.audienceSize());
        m.put("random_conversions", r.randomConversions());
        m.put("random_size", r.randomSize());
        m.put("holdout_days", r.holdoutDays());
        m.put("conversion", r.conversion());
        return m;
    }

    private static List<Object> members(List<AudienceBuilder.Member> members) {
        List<Object> out = new ArrayList<>();
        for (AudienceBuilder.Member m : members) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("user_id", m.userId());
            row.put("score", m.score());
            row.put("reason", m.reason());
            out.add(row);
        }
        return out;
    }
}
