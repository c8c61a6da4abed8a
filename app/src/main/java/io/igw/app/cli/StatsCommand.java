package io.igw.app.cli;

import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetInfo;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.stats.WorkspaceStats;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Counts per table and per behaviour, the time range, and the imported datasets.")
final class StatsCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W", description = "Workspace folder.")
    Path workspace;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(workspace, false)) {
            Map<String, Object> stats = collect(ws);
            System.out.println(json ? Json.write(stats) : text(stats));
        }
        return 0;
    }

    static Map<String, Object> collect(Workspace ws) {
        WorkspaceStats stats = new WorkspaceStats(ws);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workspace", ws.folder().toString());
        m.put("tables", stats.tableCounts());
        Map<String, Long> behaviours = new LinkedHashMap<>();
        stats.behaviourCounts(null).forEach((b, n) -> behaviours.put(b.label(), n));
        m.put("behaviours", behaviours);
        long[] range = stats.timeRange();
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("first", range == null ? null : Instant.ofEpochSecond(range[0]).toString());
        time.put("last", range == null ? null : Instant.ofEpochSecond(range[1]).toString());
        time.put("days", range == null ? 0 : stats.eventsPerDay(null).size());
        m.put("time_range", time);
        List<Object> datasets = new ArrayList<>();
        for (DatasetInfo d : new DatasetStore(ws).list()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("id", d.id());
            dm.put("kind", d.kind().label());
            dm.put("format", d.format());
            dm.put("name", d.name());
            dm.put("imported_at", d.finishedAt().toString());
            dm.put("read", d.totals().read());
            dm.put("imported", d.totals().imported());
            dm.put("duplicates", d.totals().duplicates());
            dm.put("rejected", d.totals().rejected());
            datasets.add(dm);
        }
        m.put("datasets", datasets);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("Workspace " + m.get("workspace") + "\n\nTables\n");
        ((Map<String, Long>) m.get("tables")).forEach((t, n) -> sb.append(String.format("  %-16s %,14d%n", t, n)));
        sb.append("\nBehaviours\n");
        ((Map<String, Long>) m.get("behaviours")).forEach((b, n) -> sb.append(String.format("  %-16s %,14d%n", b, n)));
        Map<String, Object> time = (Map<String, Object>) m.get("time_range");
        sb.append("\nTime range\n  ").append(time.get("first")).append(" .. ").append(time.get("last"))
                .append(" (").append(time.get("days")).append(" active days)\n");
        sb.append("\nDatasets\n");
        for (Object o : (List<Object>) m.get("datasets")) {
            Map<String, Object> d = (Map<String, Object>) o;
            sb.append(String.format("  #%-4s %-10s %-12s %-30s read %,d  imported %,d  duplicates %,d  rejected %,d%n",
                    d.get("id"), d.get("kind"), d.get("format"), d.get("name"), d.get("read"), d.get("imported"),
                    d.get("duplicates"), d.get("rejected")));
        }
        return sb.toString().stripTrailing();
    }
}
