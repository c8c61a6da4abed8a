package io.igw.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {
    @TempDir
    Path home;

    @Test
    void windowBoundsAndRecentWorkspacesSurviveARestart() throws Exception {
        AppSettings first = new AppSettings(home);
        first.window(new AppSettings.WindowBounds(10, 20, 1000, 700, false));
        first.opened(home.resolve("a"));
        first.opened(home.resolve("b"));
        first.opened(home.resolve("a"));
        first.save();

        AppSettings again = new AppSettings(home);
        assertEquals(new AppSettings.WindowBounds(10, 20, 1000, 700, false), again.window());
        assertEquals(List.of(home.resolve("a"), home.resolve("b")), again.recentWorkspaces());
    }

    @Test
    void aDamagedSettingsFileOnlyCostsTheRememberedLayout() throws Exception {
        Files.writeString(home.resolve("settings.properties"), "window.width=wide\nrecent.0=\\u12");
        AppSettings settings = new AppSettings(home);
        assertEquals(1280, settings.window().width());
        assertTrue(settings.recentWorkspaces().isEmpty());
    }
}
