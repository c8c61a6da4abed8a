package io.igw.app.cli;

import io.igw.engine.targeting.AudienceSpec;
import io.igw.engine.targeting.Demographics;
import io.igw.engine.targeting.Target;
import io.igw.engine.titles.AdCreatives;
import io.igw.engine.titles.CreativesCsv;
import io.igw.engine.titles.WriteCreatives;
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

@Command(name = "creatives", mixinStandardHelpOptions = true,
        description = {"Ad creatives for an audience, best first: a headline and a line of copy for each of its best-suited items.",
            "The audience is built as igw audience builds it. Its strongest interests are the categories, brands and concepts",
            "its members touch far more than everyone; its best-suited items are those it carted most among them. Headlines",
            "are written by the title generator under its constraints (brand and noun kept, nothing invented); the copy names",
            "the item's words that convert best for this audience. All are ranked by a click model fitted on the audience's",
            "own views and carts (the shop-wide model is its prior). The newest stored title generator is used; if there is",
            "none, one is trained and stored first (minutes)."})
final class CreativesCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--target", required = true, paramLabel = "KIND:VALUE[,...]",
            description = "The audience's interests, comma-separated: category:ID, tag:NAME, brand:NAME, item:ID.")
    String target;

    @Option(names = "--exclude", split = ",", paramLabel = "KIND:VALUE", description = "Leave out users interested in these.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--size", paramLabel = "N", description = "Keep the audience's top N users.")
    Integer size;

    @Option(names = "--threshold", paramLabel = "T", description = "Keep users scoring at least T (0 to 1).")
    Double threshold;

    @Option(names = "--n", defaultValue = "5", paramLabel = "N", description = "Creatives (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--retrain", description = "Train and store a new title generator even if one is stored.")
    boolean retrain;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
    long seed;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the creatives as CSV.")
    Path out;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        AudienceSpec spec = new AudienceSpec(Target.parseAll(Arrays.asList(target.split(",")), "--target"),
                Target.parseAll(exclude, "--exclude"), List.of(), Demographics.ANYONE, size, threshold);
        try (Workspace ws = Workspace.open(workspace, false)) {
            WriteCreatives.Result r = Jobs.run("creatives", new WriteCreatives(ws, null, spec, n, retrain, seed), output.quiet).get(0);
            AdCreatives.Result c = r.creatives();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("audience", Json.obj("targets", spec.include().stream().map(Target::toString).toList(),
                    "size", r.audience().size(), "views", c.audienceViews(), "conversions", c.audienceConversions()));
            json.put("click_model", c.clickModel());
            List<Object> interests = new ArrayList<>();
            c.interests().forEach(i -> interests.add(Json.obj("key", i.key(), "label", i.label(), "label_zh", i.labelZh(), "share", i.share(), "lift", i.lift())));
            json.put("interests", interests);
            List<Object> creatives = new ArrayList<>();
            for (AdCreatives.Creative x : c.creatives()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("headline", x.headline());
                m.put("copy", x.copy());
                m.put("item", x.item());
                m.put("item_title", x.itemTitle());
                m.put("words", x.words());
                m.put("predicted_conversion", round(x.predictedConversion()));
                m.put("predicted_uplift", round(x.predictedUplift()));
                m.put("fluency", Math.round(x.fluency() * 1000) / 1000.0);
                creatives.add(m);
            }
            json.put("creatives", creatives);
            if (out != null) {
                CreativesCsv.write(out, c.creatives());
                json.put("exported", Json.obj("file", out.toAbsolutePath().toString(), "rows", c.creatives().size()));
            }
            System.out.println(Json.write(json));
        }
        return 0;
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
