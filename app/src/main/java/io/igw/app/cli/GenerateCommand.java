package io.igw.app.cli;

import io.igw.engine.generate.GenerationSummary;
import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a realistic e-commerce behaviour dataset with its planted truth:",
            "events.csv (Taobao layout), items.csv, categories.csv, users.csv, reviews.csv, truth.csv, bundles.csv,",
            "followups.csv (leaf_a,leaf_b,days,probability: after a purchase in leaf A, one in leaf B within days)."})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created if needed).")
    Path out;

    @Option(names = "--users", defaultValue = "1000", paramLabel = "N", description = "Number of users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--items", paramLabel = "M",
            description = "Items in the catalogue, spread over its leaf categories (default: a sixth of the users per leaf, 40 to 2,000).")
    Integer items;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quiet", description = "No progress on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (users < 1) {
            throw new IllegalArgumentException("--users must be at least 1, not " + users);
        }
        if (items != null && items < 1) {
            throw new IllegalArgumentException("--items must be at least 1, not " + items);
        }
        GeneratorOptions options = items == null ? GeneratorOptions.of(users, seed) : GeneratorOptions.of(users, seed).withItems(items);
        GenerationSummary s = Jobs.run("generate", new SampleGenerator(out, options), quiet);
        System.out.println(Json.write(toJson(s)));
        return 0;
    }

    static Map<String, Object> toJson(GenerationSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("out", s.folder().toAbsolutePath().toString());
        m.put("users", s.users());
        m.put("items", s.items());
        m.put("categories", s.categories());
        m.put("events", s.events());
        m.put("reviews", s.reviews());
        m.put("bundles", s.bundles());
        m.put("churned_users", s.churnedUsers());
        m.put("seconds", s.seconds());
        return m;
    }
}
