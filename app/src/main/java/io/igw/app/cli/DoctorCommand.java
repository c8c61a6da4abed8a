package io.igw.app.cli;

import io.igw.engine.doctor.WorkspaceDoctor;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks a workspace: H2's file by opening it, and every graph build, model, kept prediction and event",
            "snapshot against the checksums written with it. What is damaged is marked unusable (the build or model before",
            "it is current again); --repair makes it again from H2, the system of record.",
            "Exit status: 0 when nothing is damaged or everything was repaired, 3 when damage remains."})
final class DoctorCommand implements Callable<Integer> {
    /** The exit status when something is damaged and was not repaired. */
    static final int DAMAGED = 3;

    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--repair", description = "Rebuild damaged graph builds, retrain damaged models and run damaged predictions again.")
    boolean repair;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = Workspace.open(workspace, false)) {
            WorkspaceDoctor.Report r = Jobs.run("doctor", new WorkspaceDoctor(ws, repair), output.quiet);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("workspace", ws.folder().toString());
            json.put("healthy", r.healthy());
            json.put("h2", "opened");
            Map<String, Object> checked = new LinkedHashMap<>();
            checked.put("graph_builds", r.graphBuilds());
            checked.put("models", r.models());
            checked.put("predictions", r.predictions());
            checked.put("event_snapshots", r.eventSnapshots());
            checked.put("files", r.files());
            checked.put("bytes", r.bytes());
            checked.put("without_checksums", r.withoutChecksums());
            json.put("checked", checked);
            List<Object> damaged = new ArrayList<>();
            for (WorkspaceDoctor.Finding f : r.damaged()) {
                damaged.add(Json.obj("kind", f.kind(), "id", f.id(), "file", f.file().toString(), "problem", f.problem(), "done", f.done()));
            }
            json.put("damaged", damaged);
            json.put("repaired", r.repaired());
            if (!r.healthy() && !repair) {
                json.put("remedy", "./igw doctor --workspace " + workspace + " --repair");
            }
            System.out.println(Json.write(json));
            return r.healthy() || repair ? 0 : DAMAGED;
        }
    }
}
