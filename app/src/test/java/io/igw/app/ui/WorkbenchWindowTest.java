package io.igw.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.task.JobContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The path people really click: open the workbench, import a small file through the dialog, read the summary. */
class WorkbenchWindowTest extends FxRobot {
    @TempDir
    static Path tmp;

    private static javafx.application.Application app;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("igw.home", tmp.resolve("home").toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new WorkbenchApp(tmp.resolve("workspace")));
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        assertTrue(((WorkbenchApp) app).awaitStopped(30), "the workspace closes after the window");
        assertTrue(Files.isRegularFile(tmp.resolve("home").resolve("settings.properties")), "settings are saved");
    }

    @Test
    void importingAFileThroughTheDialogShowsItsSummary() throws Exception {
        Path file = tmp.resolve("events.csv");
        Files.writeString(file, "1,100,10,pv,1511544070\n1,100,10,cart,1511544080\n1,100,10,buy,1511544090\n"
                + "2,200,20,pv,1511630470\noops,this,is,not,valid\n");
        waitFor(() -> lookup("#importButton").tryQuery().isPresent());
        int before = lookup("#datasetsTable").queryAs(TableView.class).getItems().size();

        clickOn("#importButton");
        waitFor(() -> lookup("#importFile").tryQuery().isPresent());
        clickOn("#importFile").write(file.toString());
        waitFor(() -> lookup("#importPreview").queryAs(TableView.class).getItems().size() == 5);
        clickOn("#importConfirm");

        waitFor(() -> "4".equals(text("#summaryImported")));
        assertEquals("5", text("#summaryRead"));
        assertEquals("1", text("#summaryRejected"));
        assertEquals(before + 1, lookup("#datasetsTable").queryAs(TableView.class).getItems().size());
        assertTrue(text("#dataStatus").startsWith("Imported 4 of 5 lines"), text("#dataStatus"));

        clickOn("Rejected lines");
        waitFor(() -> lookup("#rejectedTable").queryAs(TableView.class).getItems().size() == 1);
    }

    @Test
    void cancellingAnImportMidwayKeepsNothingOfIt() throws Exception {
        Path big = tmp.resolve("big");
        new SampleGenerator(big, GeneratorOptions.forEvents(1_500_000, 11)).run(JobContext.quiet());
        waitFor(() -> lookup("#importButton").tryQuery().isPresent());
        int before = lookup("#datasetsTable").queryAs(TableView.class).getItems().size();

        clickOn("#importButton");
        waitFor(() -> lookup("#importFile").tryQuery().isPresent());
        clickOn("#importFile").write(big.resolve("events.csv").toString());
        waitFor(() -> lookup("#importPreview").queryAs(TableView.class).getItems().size() == 20);
        clickOn("#importConfirm");
        waitFor(() -> lookup("#cancelImport").query().isVisible());
        waitFor(() -> lookup("#importProgress").queryAs(javafx.scene.control.ProgressBar.class).getProgress() > 0.05);
        clickOn("#cancelImport");

        waitFor(() -> text("#dataStatus").startsWith("Import cancelled"));
        assertEquals(before, lookup("#datasetsTable").queryAs(TableView.class).getItems().size());
        assertTrue(lookup("#importButton").query().isVisible() && !lookup("#importButton").query().isDisabled());
    }

    @Test
    void aGenericFileImportsThroughTheDialogsColumnMapping() throws Exception {
        Path file = tmp.resolve("shop-log.csv");
        Files.writeString(file, "visitor_id,sku,action,ts\n5,900,purchase,2024-03-01T10:00:00Z\n"
                + "6,901,view,2024-03-02T10:00:00Z\n6,902,wishlist,2024-03-02T10:05:00Z\n");
        waitFor(() -> lookup("#importButton").tryQuery().isPresent());

        clickOn("#importButton");
        waitFor(() -> lookup("#importFormat").tryQuery().isPresent());
        clickOn("#importFormat");
        clickOn(ImportFormat.GENERIC.label() + " — " + ImportFormat.GENERIC.description());
        clickOn("#importFile").write(file.toString());
        waitFor(() -> "visitor_id".equals(lookup("#map-user").queryAs(javafx.scene.control.ComboBox.class).getValue()));
        assertEquals("sku", lookup("#map-item").queryAs(javafx.scene.control.ComboBox.class).getValue());
        assertEquals("action", lookup("#map-behaviour").queryAs(javafx.scene.control.ComboBox.class).getValue());
        saveShot(lookup("#importPreview").query().getScene().getRoot(), "import-dialog-generic.png");
        clickOn("#importConfirm");

        waitFor(() -> "3".equals(text("#summaryImported")));
        assertEquals("0", text("#summaryRejected"));
    }

    private static void saveShot(Node node, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(png, "png", dir.resolve(name).toFile());
    }

    @Test
    void screensNotBuiltYetSaySoPlainly() throws Exception {
        waitFor(() -> lookup("#nav-graph").tryQuery().isPresent());
        clickOn("#nav-graph");
        Node placeholder = lookup("#placeholder-graph").query();
        assertTrue(((Label) placeholder).getText().contains("issue #3"));
        clickOn("#nav-data");
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    /** Waits for the condition; on a timeout, saves what every open window shows, to see why. */
    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            int n = 0;
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                saveShot(w.getScene().getRoot(), "timeout-" + System.currentTimeMillis() + "-" + (n++) + ".png");
            }
            throw e;
        }
    }
}
