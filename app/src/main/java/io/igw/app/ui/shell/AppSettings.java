package io.igw.app.ui.shell;

import io.igw.engine.targeting.AudienceCsv;
import io.igw.storage.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the workbench remembers between runs: the window's size and position, the recent workspaces and the smallest
 * audience an export holds, in
 * {@code settings.properties} under the workbench's home folder ({@code IGW_HOME}, else {@code ~/.igw}).
 */
public final class AppSettings {
    private static final int MAX_RECENT = 8;

    private final Path file;
    private final Properties props = new Properties();

    public AppSettings(Path home) {
        this.file = home.resolve("settings.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                props.clear(); // decision: a damaged settings file only costs the remembered layout
            }
        }
    }

    public static Path home() {
        String configured = System.getProperty("igw.home", System.getenv("IGW_HOME"));
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".igw");
    }

    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public WindowBounds window() {
        try {
            return new WindowBounds(Double.parseDouble(props.getProperty("window.x", "NaN")),
                    Double.parseDouble(props.getProperty("window.y", "NaN")),
                    Double.parseDouble(props.getProperty("window.width", "1280")),
                    Double.parseDouble(props.getProperty("window.height", "800")),
                    Boolean.parseBoolean(props.getProperty("window.maximized", "false")));
        } catch (NumberFormatException e) {
            return new WindowBounds(Double.NaN, Double.NaN, 1280, 800, false);
        }
    }

    public void window(WindowBounds b) {
        props.setProperty("window.x", Double.toString(b.x()));
        props.setProperty("window.y", Double.toString(b.y()));
        props.setProperty("window.width", Double.toString(b.width()));
        props.setProperty("window.height", Double.toString(b.height()));
        props.setProperty("window.maximized", Boolean.toString(b.maximized()));
    }

    public List<Path> recentWorkspaces() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = props.getProperty("recent." + i);
            if (p != null) {
                recent.add(Path.of(p));
            }
        }
        return recent;
    }

    /** Moves the workspace to the front of the recent list. */
    public void opened(Path workspace) {
        List<Path> recent = recentWorkspaces();
        Path normal = workspace.toAbsolutePath().normalize();
        recent.remove(normal);
        recent.add(0, normal);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < recent.size()) {
                props.setProperty("recent." + i, recent.get(i).toString());
            } else {
                props.remove("recent." + i);
            }
        }
    }

    /** The fewest people an audience export holds (the Targeting screen's "Smallest export"). */
    public int smallestAudienceExport() {
        try {
            return Math.max(1, Integer.parseInt(props.getProperty("audience.smallestExport", "" + AudienceCsv.DEFAULT_MINIMUM_SIZE)));
        } catch (NumberFormatException e) {
            return AudienceCsv.DEFAULT_MINIMUM_SIZE;
        }
    }

    public void smallestAudienceExport(int people) {
        props.setProperty("audience.smallestExport", Integer.toString(people));
    }

    /** Writes the settings whole or not at all, so that a kill while saving keeps the previous ones. */
    public void save() throws IOException {
        Files.createDirectories(file.getParent());
        OutputFile.bytes(file, out -> props.store(out, "Interest Graph Workbench settings"));
    }
}
