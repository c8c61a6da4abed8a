package io.igw.app.cli;

import io.igw.engine.graph.ImportThenUpdate;
import io.igw.engine.ingest.FileImportResult;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportReport;
import io.igw.engine.ingest.ImportRequest;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports behaviour logs (and optional catalogues) into a workspace, creating it if needed.",
            "Prints one JSON object: read, imported, duplicates, rejected, users, items, seconds and each file's counts."})
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W", description = "Workspace folder.")
    Path workspace;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "taobao, retailrocket, movielens or generic.")
    String format;

    @Option(names = "--items", paramLabel = "F", description = "Item catalogue (u.item for movielens).")
    Path items;

    @Option(names = "--categories", paramLabel = "F", description = "Category tree (u.genre for movielens).")
    Path categories;

    @Option(names = "--users", paramLabel = "F", description = "User attributes (u.user for movielens).")
    Path users;

    @Option(names = "--reviews", paramLabel = "F", description = "Reviews: user_id,item_id,rating,text,timestamp.")
    Path reviews;

    @Option(names = "--mapping", paramLabel = "SPEC",
            description = "Generic files: user=COL,item=COL,behaviour=COL,time=COL[,category=,session=,quantity=,"
                    + "strength=,time_unit=s|ms|iso,delimiter=comma|tab|semicolon|pipe,default_behaviour=B,behaviour.buy=w1|w2]")
    String mapping;

    @Mixin
    JsonOutput output;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Behaviour-log files; each becomes one dataset.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Map<DatasetKind, Path> catalogues = new EnumMap<>(DatasetKind.class);
        putIf(catalogues, DatasetKind.ITEMS, items);
        putIf(catalogues, DatasetKind.CATEGORIES, categories);
        putIf(catalogues, DatasetKind.USERS, users);
        putIf(catalogues, DatasetKind.REVIEWS, reviews);
        ImportRequest request = new ImportRequest(ImportFormat.ofLabel(format), files, catalogues, mapping);
        request.validate();
        try (Workspace ws = Workspace.open(workspace, true)) {
            ImportThenUpdate.Result result = Jobs.run("import", new ImportThenUpdate(ws, request), output.quiet);
            Map<String, Object> json = toJson(ws.folder(), result.report());
            if (result.graph() != null) {
                json.put("graph", GraphCommand.Build.describe(result.graph()));
            }
            System.out.println(Json.write(json));
        }
        return 0;
    }

    private static void putIf(Map<DatasetKind, Path> m, DatasetKind k, Path p) {
        if (p != null) {
            m.put(k, p);
        }
    }

    static Map<String, Object> toJson(Path workspace, ImportReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("read", report.read());
        m.put("imported", report.imported());
        m.put("duplicates", report.duplicates());
        m.put("rejected", report.rejected());
        m.put("users", report.users());
        m.put("items", report.items());
        m.put("seconds", report.seconds());
        m.put("workspace", workspace.toString());
        List<Object> files = new ArrayList<>();
        for (FileImportResult f : report.files()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("path", f.path());
            fm.put("kind", f.kind().label());
            fm.put("format", f.format());
            fm.put("dataset_id", f.datasetId());
            fm.put("read", f.read());
            fm.put("imported", f.imported());
            fm.put("duplicates", f.duplicates());
            fm.put("rejected", f.rejected());
            fm.put("users", f.users());
            fm.put("items", f.items());
            fm.put("seconds", f.seconds());
            if (f.alreadyImportedAs() != null) {
                fm.put("already_imported_as", f.alreadyImportedAs());
            }
            fm.put("reject_reasons", f.rejectReasons());
            files.add(fm);
        }
        m.put("files", files);
        return m;
    }
}
