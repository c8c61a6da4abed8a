package io.igw.app.cli;

import io.igw.engine.bench.ImportBenchmark;
import io.igw.engine.bench.GraphBenchmark;
import io.igw.engine.task.Job;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print JSON.",
        subcommands = {BenchCommand.Import.class, BenchCommand.Graph.class, BenchCommand.Train.class,
            BenchCommand.Rules.class, BenchCommand.Audience.class, BenchCommand.Sequence.class, BenchCommand.Scale.class,
            BenchCommand.Online.class, BenchCommand.FollowUps.class, BenchCommand.TitleEffects.class, BenchCommand.Titles.class, BenchCommand.Creatives.class, BenchCommand.Realtime.class,
            BenchCommand.Search.class, BenchCommand.Describe.class, BenchCommand.Categories.class,
            BenchCommand.Tags.class, BenchCommand.Concepts.class, BenchCommand.Memory.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalArgumentException("Name a benchmark: igw bench import --events N, igw bench graph --events N or igw bench train --model M --workspace W");
    }

    /** What every benchmark takes: its seed and whether to show progress; and how it prints its result. */
    static class Run {
        @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
        long seed;

        @Option(names = "--quiet", description = "No progress on standard error.")
        boolean quiet;

        int run(String name, Job<Map<String, Object>> benchmark) throws Exception {
            System.out.println(Json.write(Jobs.run(name, benchmark, quiet)));
            return 0;
        }
    }

    /** The benchmarks on generated events also take how many to generate. */
    static final class Options extends Run {
        @Option(names = "--events", defaultValue = "2000000", paramLabel = "N", description = "Events to generate (default ${DEFAULT-VALUE}).")
        long events;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Generates N events, imports them into a fresh workspace, and measures H2's own CSVREAD",
                "bulk load of the same file in the same run. Prints events, seconds, events_per_s,",
                "h2_csvread_seconds, ratio_to_csvread (ours over theirs) and the peak heap."})
    static final class Import implements Callable<Integer> {
        @Mixin
        Options options;

        @Override
        public Integer call() throws Exception {
            if (options.events < 1) {
                throw new IllegalArgumentException("--events must be at least 1");
            }
            return options.run("bench import", new ImportBenchmark(options.events, options.seed));
        }
    }

    @Command(name = "graph", mixinStandardHelpOptions = true,
            description = {"Generates N events with their catalogue and imports them; times an update with 10,000 new",
                "events and a full graph build over all N, and the same aggregation in DuckDB on the same data in the",
                "same run. Prints events, build_seconds, update_seconds, peak_heap_mb, duckdb_seconds and ratio.",
                "With --engine spark, also the same build run through Spark on --master (spark_seconds, from the export",
                "to Parquet to the written build; spark_to_local_ratio; spark_same_counts)."})
    static final class Graph implements Callable<Integer> {
        @Mixin
        Options options;

        @Mixin
        EngineOptions engine;

        @Override
        public Integer call() throws Exception {
            boolean spark = engine.spark();
            if (spark && engine.input != null) {
                throw new IllegalArgumentException("bench graph generates its own events: leave --input out.");
            }
            return options.run("bench graph", new GraphBenchmark(options.events, options.seed, spark ? engine.options(null) : null));
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Trains a model on a workspace for a fixed number of epochs without storing it, and fits",
                "EASE on the same data in the same run as the peer. Prints seconds_per_epoch (median),",
                "validation_seconds_per_epoch, peak_heap_mb, resident_mb, peer_seconds and epoch_to_peer_ratio."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--model", required = true, paramLabel = "M")
        String model;

        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--epochs", defaultValue = "10", paramLabel = "E", description = "Epochs to time (default ${DEFAULT-VALUE}).")
        int epochs;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench train", new io.igw.engine.bench.TrainingBenchmark(ws, model, epochs, options.seed));
            }
        }
    }

    @Command(name = "memory", mixinStandardHelpOptions = true,
            description = {"Checks the memory estimates that refuse a job before it starts: on a copy of the workspace",
                "(the original is not touched) runs a graph build, the audience data, a churn prediction, rules and the",
                "training of each model, measuring each one's live heap and native memory. Prints per job",
                "estimate_heap_mb, measured_heap_mb, estimate_native_mb, measured_native_mb, ratio (estimate over",
                "measurement) and within_estimate; every_estimate_an_upper_bound and lowest_ratio over all."})
    static final class Memory implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--models", split = ",", paramLabel = "M,...", description = "The models to train (default: every kind).")
        java.util.List<String> models = new java.util.ArrayList<>();

        @Option(names = "--epochs", defaultValue = "2", paramLabel = "E", description = "Most epochs of an iterative model (default ${DEFAULT-VALUE}).")
        int epochs;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            return options.run("bench memory", new io.igw.engine.bench.MemoryBenchmark(workspace, models, epochs, options.seed));
        }
    }

    @Command(name = "sequence", mixinStandardHelpOptions = true,
            description = {"Trains the sequence model for a fixed number of epochs on a leave-last-one-out split, and a",
                "reference SASRec in PyTorch (python3 with torch, bench-only) of the same size on the same split.",
                "Prints seconds_per_epoch, hr@10, ndcg@10, hr@20, ndcg@20 for both (peer_...), epoch_to_peer_ratio",
                "and ndcg_to_peer_ratio; peer_error when the peer cannot run."})
    static final class Sequence implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--size", defaultValue = "small", paramLabel = "SIZE", description = "small, base or large (default ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--epochs", defaultValue = "20", paramLabel = "E", description = "Epochs for both (default ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--python", defaultValue = "/usr/bin/python3", paramLabel = "CMD", description = "The peer's Python, with PyTorch (default ${DEFAULT-VALUE}: Debian's python3-torch).")
        String python;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench sequence", new io.igw.engine.bench.SequenceBenchmark(ws, size, epochs, options.seed, python));
            }
        }
    }

    @Command(name = "scale", mixinStandardHelpOptions = true,
            description = {"The scaling curve: trains the sequence model at each size on the same leave-last-one-out",
                "split, early-stopped as usual, and prints per size its parameters, seconds_per_epoch, epochs,",
                "hr@10 and ndcg@10. Does a bigger model help on this data?"})
    static final class Scale implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--sizes", defaultValue = "small,base,large", split = ",", paramLabel = "SIZE",
                description = "Sizes to train (default ${DEFAULT-VALUE}).")
        java.util.List<String> sizes;

        @Option(names = "--epochs", defaultValue = "0", paramLabel = "E", description = "The most epochs per size (default: the model's own).")
        int epochs;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench scale", new io.igw.engine.bench.ScaleBenchmark(ws, sizes, epochs, options.seed));
            }
        }
    }

    @Command(name = "online", mixinStandardHelpOptions = true,
            description = {"An online update against a full retrain: on a leave-last-one-out split, trains the sequence",
                "model on the data before the newest --share of events, fine-tunes it on everything (as train",
                "--continue does) and retrains it on everything from nothing. Prints full_seconds, fine_tune_seconds,",
                "time_ratio, full_ndcg@10, fine_tuned_ndcg@10 and ndcg_ratio."})
    static final class Online implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--size", defaultValue = "small", paramLabel = "SIZE", description = "small, base or large (default ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--share", defaultValue = "0.1", paramLabel = "S", description = "The newest share of events (default ${DEFAULT-VALUE}).")
        double share;

        @Option(names = "--epochs", defaultValue = "0", paramLabel = "E", description = "The most epochs of each training (default: the model's own).")
        int epochs;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench online", new io.igw.engine.bench.OnlineBenchmark(ws, size, share, epochs, options.seed));
            }
        }
    }

    @Command(name = "followups", mixinStandardHelpOptions = true,
            description = {"Planted order on generated data: for users whose last purchase is in a planted leaf A",
                "(followups.csv), trains each model on their history up to that purchase and prints the share whose",
                "next action's leaf is among the leaves of the model's top 3 (next_leaf_in_top3)."})
    static final class FollowUps implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--followups", required = true, paramLabel = "FILE", description = "The generator's followups.csv.")
        java.nio.file.Path followups;

        @Option(names = "--models", defaultValue = "pop,itemknn,sequence", split = ",", paramLabel = "a,b",
                description = "Models to compare (default ${DEFAULT-VALUE}).")
        java.util.List<String> models;

        @Option(names = "--epochs", defaultValue = "0", paramLabel = "E", description = "The most epochs of an iterative model (default: its own).")
        int epochs;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench followups", new io.igw.engine.bench.FollowUpBenchmark(ws, followups, models, epochs, options.seed));
            }
        }
    }

    @Command(name = "title-effects", mixinStandardHelpOptions = true,
            description = {"Planted title appeal on generated data: learns the click model from the workspace and prints",
                "the Spearman correlation of its (category, word) effects with title_effects.csv's, the share of planted",
                "effects inside its 95% intervals, and its calibration on held-out items."})
    static final class TitleEffects implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--truth", required = true, paramLabel = "FILE", description = "The generator's title_effects.csv.")
        java.nio.file.Path truth;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench title-effects", new io.igw.engine.bench.TitleEffectsBenchmark(ws, truth));
            }
        }
    }

    @Command(name = "titles", mixinStandardHelpOptions = true,
            description = {"True uplift of suggested titles under the planted title effects, which no model reads: for",
                "--items items whose titles show no raising word, the top suggestion's true conversion over the original's",
                "for the adversarially tuned generator, the same generator before its adversarial stage and the category",
                "template, in one run; a fresh discriminator's accuracy; raw draws that break the rules or copy a title."})
    static final class Titles implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--truth", required = true, paramLabel = "FILE", description = "The generator's title_effects.csv.")
        java.nio.file.Path truth;

        @Option(names = "--items", defaultValue = "500", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
        int items;

        @Option(names = "--rounds", defaultValue = "80", paramLabel = "R", description = "Adversarial rounds (default ${DEFAULT-VALUE}).")
        int rounds;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench titles",
                        new io.igw.engine.bench.TitleUpliftBenchmark(ws, truth, items, rounds, options.seed));
            }
        }
    }

    @Command(name = "creatives", mixinStandardHelpOptions = true,
            description = {"True conversion of audiences' top creatives under the planted title effects, which no model reads:",
                "for the audiences (top 500 users) of the --categories most viewed leaf categories, the words the top creative",
                "for an item of that leaf shows, against as many of the category's commonest title words, and of the same item's",
                "words the shop-wide click model rates best. Trains its own title generator (--rounds adversarial rounds)."})
    static final class Creatives implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--truth", required = true, paramLabel = "FILE", description = "The generator's title_effects.csv.")
        java.nio.file.Path truth;

        @Option(names = "--categories", defaultValue = "5", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
        int categories;

        @Option(names = "--rounds", defaultValue = "20", paramLabel = "R", description = "Adversarial rounds (default ${DEFAULT-VALUE}).")
        int rounds;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench creatives",
                        new io.igw.engine.bench.CreativeUpliftBenchmark(ws, truth, categories, rounds, options.seed));
            }
        }
    }

    @Command(name = "realtime", mixinStandardHelpOptions = true,
            description = {"Real-time scoring: the 95th-percentile time to score one session of --length actions against",
                "the whole catalogue with the sequence model, for each catalogue size (median of --runs runs)."})
    static final class Realtime implements Callable<Integer> {
        @Option(names = "--items", defaultValue = "1682,100000", split = ",", paramLabel = "N",
                description = "Catalogue sizes (default ${DEFAULT-VALUE}: ML-100K's and a 100k-item shop).")
        java.util.List<Integer> items;

        @Option(names = "--size", defaultValue = "small", paramLabel = "SIZE", description = "small, base or large (default ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--length", defaultValue = "50", paramLabel = "L", description = "Actions per session (default ${DEFAULT-VALUE}).")
        int length;

        @Option(names = "--sessions", defaultValue = "500", paramLabel = "N", description = "Sessions per run (default ${DEFAULT-VALUE}).")
        int sessions;

        @Option(names = "--runs", defaultValue = "5", paramLabel = "R", description = "Default ${DEFAULT-VALUE}.")
        int runs;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            return options.run("bench realtime", new io.igw.engine.bench.RealtimeBenchmark(items, size, length, sessions, runs));
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Search beyond the words in the titles: queries naming a leaf's products in words no title uses",
                "(60 bundled, 30 Chinese and 30 English, for the generator's catalogue), answered by the text encoder and",
                "by TF-IDF over the titles in the same run. Prints encoder_precision@10 and tfidf_precision@10 (overall and",
                "per language) and queries_with_title_words (queries that share a token with some title)."})
    static final class Search implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--queries", paramLabel = "FILE", description = "leaf<TAB>language<TAB>query lines (default: the bundled 60).")
        java.nio.file.Path queries;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench search", new io.igw.engine.bench.SearchBenchmark(ws, new io.igw.engine.text.Bilingual(), queries));
            }
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = {"An audience from a description: 20 bundled descriptions (10 Chinese, 10 English) written from the",
                "generator's leaf names and adjectives; for each, whether its leaf is among the top 3 targets that",
                "igw audience --describe proposes. Prints share_in_top3 (overall and per language) and each result."})
    static final class Describe implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--descriptions", paramLabel = "FILE",
                description = "leaf<TAB>language<TAB>description lines (default: the bundled 20).")
        java.nio.file.Path descriptions;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench describe", new io.igw.engine.bench.DescribeBenchmark(ws, new io.igw.engine.text.Bilingual(), descriptions));
            }
        }
    }

    @Command(name = "categories", mixinStandardHelpOptions = true,
            description = {"Inferred categories against the truth: hides the category of a seeded share of the items and",
                "infers it back from the rest by title vector (10 nearest, similarity-weighted vote) and by a TF-IDF",
                "nearest-neighbour vote over the titles in the same run. Prints leaf and top-level accuracy of each."})
    static final class Categories implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--hide", defaultValue = "0.2", paramLabel = "SHARE", description = "Share of items hidden (default ${DEFAULT-VALUE}).")
        double hide;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench categories", new io.igw.engine.bench.CategoriesBenchmark(ws,
                        new io.igw.engine.text.Bilingual(), hide, options.seed));
            }
        }
    }

    @Command(name = "tags", mixinStandardHelpOptions = true,
            description = {"Whole phrases as tags: the catalogue's tags with its Chinese phrases kept whole, and as jieba's",
                "words (earlier releases), in the same run. Prints before_/after_ single_character_share (of distinct",
                "Chinese tags), single_character_share_of_item_tags, chinese_tags, and five items' tags both ways."})
    static final class Tags implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Option(names = "--items", split = ",", paramLabel = "ID,...", description = "Items whose tags to show (default: five spread through the catalogue).")
        java.util.List<Long> items = new java.util.ArrayList<>();

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench tags", new io.igw.engine.bench.TagsBenchmark(ws, items));
            }
        }
    }

    @Command(name = "concepts", mixinStandardHelpOptions = true,
            description = {"Tags gathered into concepts (as igw encode does) beside the text model's similarity alone, in the",
                "same run (encoding the catalogue first if needed). Prints, for concepts_ and similarity_only_: merged",
                "(concepts of more than one form), tags_in_merged, tag_nodes, pure_share (concepts whose forms' items",
                "sit mostly in one category) and the list of merged concepts."})
    static final class Concepts implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        java.nio.file.Path workspace;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            try (io.igw.storage.Workspace ws = io.igw.storage.Workspace.open(workspace, false)) {
                return options.run("bench concepts", new io.igw.engine.bench.ConceptsBenchmark(ws,
                        new io.igw.engine.text.Bilingual()));
            }
        }
    }

    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = {"Mines N synthetic baskets (20,000 items, planted three-item bundles; support 0.001, up to",
                "3 items) with FP-Growth and with Apriori, its peer, in the same run. Prints fpgrowth_seconds,",
                "apriori_seconds, ratio, itemsets, rules and the peak heap."})
    static final class Rules implements Callable<Integer> {
        @Option(names = "--baskets", defaultValue = "100000", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
        long baskets;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            return options.run("bench rules", new io.igw.engine.bench.RulesBenchmark(baskets, options.seed));
        }
    }

    @Command(name = "audience", mixinStandardHelpOptions = true,
            description = {"Scores and ranks an audience over N users' synthetic session counts (a top category targeted, a",
                "brand excluded), against a boxed stream-and-comparator peer over the same rows; median of five runs each.",
                "Prints scoring_seconds_median, peer_seconds_median, ratio, users, facet_entries and the peak heap."})
    static final class Audience implements Callable<Integer> {
        @Option(names = "--users", defaultValue = "1000000", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
        long users;

        @Mixin
        Run options;

        @Override
        public Integer call() throws Exception {
            return options.run("bench audience", new io.igw.engine.bench.AudienceBenchmark(users, options.seed));
        }
    }
}
