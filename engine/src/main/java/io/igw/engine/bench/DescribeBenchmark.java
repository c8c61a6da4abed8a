package io.igw.engine.bench;

import io.igw.engine.graph.GraphKind;
import io.igw.engine.targeting.AudienceDescription;
import io.igw.engine.targeting.Target;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.engine.text.TextEncoder;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An audience from a description: for each description written for one leaf (bundled, {@code describe_audiences.tsv},
 * or a file of {@code leaf<TAB>language<TAB>description} lines), whether the intended leaf is among the top 3 targets
 * {@link AudienceDescription} proposes, as the Targeting view and {@code igw audience --describe} would show them.
 */
public final class DescribeBenchmark implements Job<Map<String, Object>> {
    static final int TOP = 3;

    private final Workspace workspace;
    private final TextEncoder encoder;
    private final Path descriptions;

    /** @param descriptions the descriptions file, or null for the bundled 20 */
    public DescribeBenchmark(Workspace workspace, TextEncoder encoder, Path descriptions) {
        this.workspace = workspace;
        this.encoder = encoder;
        this.descriptions = descriptions;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        List<LeafQueries.Query> list = LeafQueries.read(descriptions, "describe_audiences.tsv");
        CatalogLookup catalog = CatalogLookup.load(workspace);
        Map<String, int[]> hits = new LinkedHashMap<>();
        List<Object> each = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int q = 0; q < list.size(); q++) {
            context.checkCancelled();
            LeafQueries.Query d = list.get(q);
            Target leaf = new Target(GraphKind.CATEGORY, Long.toString(LeafQueries.leaf(catalog, d)));
            AudienceDescription.Result r = new AudienceDescription(workspace, encoder, d.text(), TOP).run(context.silent());
            boolean found = r.top(TOP).contains(leaf);
            int[] h = hits.computeIfAbsent(d.language(), l -> new int[2]);
            h[0] += found ? 1 : 0;
            h[1]++;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("description", d.text());
            row.put("leaf", d.leaf());
            row.put("found", found);
            row.put("proposed", r.proposals().stream().map(p -> p.target() + " " + p.label()).toList());
            each.add(row);
            context.progress((q + 1.0) / list.size(), "description " + (q + 1) + " of " + list.size());
        }
        int right = hits.values().stream().mapToInt(h -> h[0]).sum();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", encoder.model());
        out.put("descriptions", list.size());
        out.put("top", TOP);
        out.put("share_in_top3", list.isEmpty() ? 0 : (double) right / list.size());
        hits.forEach((language, h) -> out.put("share_in_top3_" + language, (double) h[0] / h[1]));
        out.put("milliseconds_per_description", (System.nanoTime() - t0) / 1e6 / Math.max(1, list.size()));
        out.put("results", each);
        return out;
    }
}
