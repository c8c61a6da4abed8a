package io.igw.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command's options, fuzzed: hundreds of seeded argument lists per run, each a command with a few of its own
 * options given wrong, odd, hostile or right values (and random {@code --mapping} specifications for import).
 * Whatever is given, the command ends with a known exit status, says what was wrong in words, and no stack trace
 * or unexpected error reaches the person.
 */
class CommandOptionsFuzzIT {
    /** Commands that train a text model or a title generator, or benchmark, take minutes: fuzzed elsewhere or not at all. */
    static final Set<String> SLOW = Set.of("bench", "creatives", "titles", "encode", "categorise", "search");
    static final List<String> VALUES = List.of("-1", "0", "1", "2", "3.5", "abc", "", " ", "NaN", "1e309", "99999999999999999999",
            "category:1", "category:101", "tag:x", "brand:Acme", "item:1", "view:7", "buy:30", "buy:-3", "25-34", "40-", "F",
            "=HYPERLINK(\"x\")", "<script>alert(1)</script>", "\u202Eevil", "x".repeat(300), "pop", "itemknn", "ease", "churn",
            "purchase", "1,2,3", "random", "time", "leave-last", "cold-items", "category", "user", "zh", "en", "s", "ms", "iso",
            "datasets,graph", "rules,charts", "0.5", "1.5", "local[2]", "10,20");
    static final List<String> MAPPING_PARTS = List.of("user=user_id", "item=item_id", "behaviour=behavior", "time=ts", "user=#1",
            "item=#9", "time_unit=ms", "time_unit=fortnight", "delimiter=semicolon", "delimiter=colon", "behaviour.buy=order",
            "behaviour.nope=x", "default_behaviour=view", "category=", "=", ",,", "session=#0", "strength=#3", "quantity=qty",
            "user", "user=user_id=again");
    static final Set<Integer> KNOWN_EXITS = Set.of(0, UserErrors.FAILED, UserErrors.USAGE, DoctorCommand.DAMAGED);
    static final int CASES = 600;
    /** Values that make sense for an option, so that many cases get past the first check and run. */
    static final Map<String, List<String>> SOUND = Map.ofEntries(Map.entry("--target", List.of("category:101", "category:1", "brand:Altra")),
            Map.entry("--model", List.of("pop", "itemknn")), Map.entry("--models", List.of("pop,itemknn", "pop")),
            Map.entry("--format", List.of("taobao", "generic", "retailrocket")), Map.entry("--from", List.of("1")),
            Map.entry("--build", List.of("1", "2")), Map.entry("--user", List.of("1", "7")), Map.entry("--split", List.of("random", "time")),
            Map.entry("--k", List.of("5", "10,20")), Map.entry("--users", List.of("5", "20")), Map.entry("--seed", List.of("1", "9")),
            Map.entry("--epochs", List.of("1", "2")), Map.entry("--size", List.of("10", "150")), Map.entry("--min-size", List.of("1", "5")));

    @TempDir
    static Path tmp;
    static Path ws;
    static Path events;

    private final InProcessCli cli = new InProcessCli();

    @BeforeAll
    static void workspace() {
        InProcessCli setUp = new InProcessCli();
        Path data = tmp.resolve("data");
        ws = tmp.resolve("ws");
        events = data.resolve("events.csv");
        assertEquals(0, setUp.igw("generate", "--out", data.toString(), "--users", "80", "--seed", "2", "--quiet"), setUp.stderr());
        assertEquals(0, setUp.igw("import", "--workspace", ws.toString(), "--format", "taobao", "--items", data.resolve("items.csv").toString(),
                "--categories", data.resolve("categories.csv").toString(), "--users", data.resolve("users.csv").toString(),
                events.toString(), "--json", "--quiet"), setUp.stderr());
        assertEquals(0, setUp.igw("graph", "build", "--workspace", ws.toString(), "--json", "--quiet"), setUp.stderr());
        assertEquals(0, setUp.igw("train", "--workspace", ws.toString(), "--model", "pop", "--json", "--quiet"), setUp.stderr());
    }

    /** Every runnable command, by its path ("graph build"), with its spec. */
    private static Map<String, CommandSpec> commands() {
        Map<String, CommandSpec> all = new TreeMap<>();
        collect(new CommandLine(new IgwCommand()), "", all);
        return all;
    }

    private static void collect(CommandLine c, String path, Map<String, CommandSpec> into) {
        if (c.getSubcommands().isEmpty()) {
            if (!path.isEmpty() && !SLOW.contains(path.split(" ")[0]) && !path.equals("help")) {
                into.put(path, c.getCommandSpec());
            }
            return;
        }
        c.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().aliases().length == 0 || !name.equals(sub.getCommandSpec().aliases()[0])) {
                collect(sub, (path + " " + name).trim(), into);
            }
        });
    }

    @Test
    void noCommandLetsAStackTraceOrAnUnexpectedErrorReachAPerson() throws Exception {
        Map<String, CommandSpec> commands = commands();
        assertTrue(commands.size() >= 20, "the commands found: " + commands.keySet());
        List<String> names = new ArrayList<>(commands.keySet());
        Random random = new Random(18);
        Map<String, int[]> byCommand = new TreeMap<>();
        for (int n = 0; n < CASES; n++) {
            String name = names.get(n % names.size());
            List<String> args = arguments(name, commands.get(name), random, n);
            int exit = cli.igw(args.toArray(String[]::new));
            String err = cli.stderr();
            String shown = "igw " + String.join(" ", args) + "\n-> " + exit + ": " + err;
            assertTrue(KNOWN_EXITS.contains(exit), shown);
            assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("unexpected error")
                    || cli.stdout().contains("\tat "), shown);
            if (exit != 0) {
                assertTrue(err.lines().anyMatch(l -> l.startsWith("igw: ")), "a failure is said in words: " + shown);
            }
            int[] t = byCommand.computeIfAbsent(name, k -> new int[2]);
            if (exit != 0 && t[1] == 0) {
                System.out.println("for example: " + shown.replace('\n', ' '));
            }
            t[exit == 0 ? 0 : 1]++;
        }
        byCommand.forEach((name, t) -> System.out.printf("fuzzed %-18s %3d cases: %3d ran, %3d refused in words%n", name, t[0] + t[1], t[0], t[1]));
    }

    /** The command, its workspace most of the time, and one to four of its options with values drawn at random. */
    private static List<String> arguments(String name, CommandSpec spec, Random r, int n) {
        List<String> args = new ArrayList<>(List.of(name.split(" ")));
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp()).toList();
        boolean needsWorkspace = options.stream().anyMatch(o -> o.longestName().equals("--workspace"));
        if (needsWorkspace && r.nextDouble() < 0.95) {
            args.addAll(List.of("--workspace", ws.toString()));
        }
        List<OptionSpec> chosen = new ArrayList<>();
        options.stream().filter(o -> o.required() && r.nextDouble() < 0.85).forEach(chosen::add);
        int count = r.nextInt(4);
        for (int k = 0; k < count && !options.isEmpty(); k++) {
            chosen.add(options.get(r.nextInt(options.size())));
        }
        for (OptionSpec o : chosen) {
            String flag = o.longestName();
            if (flag.equals("--workspace") || flag.equals("--quiet")) {
                continue;
            }
            args.add(flag);
            if (o.arity().max() > 0) {
                args.add(value(flag, r, n));
            }
        }
        if (name.equals("import")) {
            args.add(r.nextDouble() < 0.7 ? events.toString() : tmp.resolve("missing.csv").toString());
        } else if (!spec.positionalParameters().isEmpty() && r.nextDouble() < 0.9) {
            args.add(r.nextDouble() < 0.7 && name.equals("predict") ? (r.nextBoolean() ? "churn" : "purchase") : VALUES.get(r.nextInt(VALUES.size())));
        }
        if (options.stream().anyMatch(o -> o.longestName().equals("--quiet"))) {
            args.add("--quiet");
        }
        return args;
    }

    private static String value(String flag, Random r, int n) {
        switch (flag) {
            case "--out" -> {
                String[] ends = {"r.html", "r.pdf", "a.csv", "r.txt", "no/such/folder/x.csv", "gen", "a.csv", "r.html"};
                return tmp.resolve("out-" + n).resolve("..").resolve("o" + n + "-" + ends[r.nextInt(ends.length)]).toString();
            }
            case "--mapping" -> {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < 1 + r.nextInt(5); i++) {
                    parts.add(MAPPING_PARTS.get(r.nextInt(MAPPING_PARTS.size())));
                }
                return String.join(",", parts);
            }
            case "--items", "--categories", "--users", "--reviews", "--input", "--followups", "--truth" -> {
                return r.nextBoolean() ? events.toString() : tmp.resolve("missing-" + n + ".csv").toString();
            }
            default -> {
                List<String> sound = SOUND.get(flag);
                return sound != null && r.nextDouble() < 0.6 ? sound.get(r.nextInt(sound.size())) : VALUES.get(r.nextInt(VALUES.size()));
            }
        }
    }
}
