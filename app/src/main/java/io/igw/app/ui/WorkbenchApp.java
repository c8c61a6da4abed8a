package io.igw.app.ui;

import atlantafx.base.theme.PrimerLight;
import io.igw.app.ui.shell.AppSettings;
import io.igw.app.ui.shell.MainWindow;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.task.JobRunner;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: the theme, the window and its remembered bounds, and the workspace it opens. */
public final class WorkbenchApp extends Application {
    private static volatile Path requestedWorkspace;

    private final Path workspace;
    private JobRunner runner;
    private AppSettings settings;
    private MainWindow window;
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

    public WorkbenchApp() {
        this(requestedWorkspace);
    }

    /** @param workspace the workspace to open, or null for the demo workspace */
    public WorkbenchApp(Path workspace) {
        this.workspace = workspace;
    }

    /** Starts the toolkit and opens the window; returns when the window closes. */
    public static void launchWith(Path workspace) {
        requestedWorkspace = workspace;
        Application.launch(WorkbenchApp.class);
    }

    /** Runs on the launcher thread, so reading the settings file never touches the FX thread. */
    @Override
    public void init() {
        settings = new AppSettings(AppSettings.home());
        runner = JobRunner.background();
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        UiTasks tasks = new UiTasks(runner, Platform::runLater);
        Path sampleData = Path.of(System.getProperty("igw.sampleData", "sample-data"));
        window = new MainWindow(tasks, settings, sampleData);
        Scene scene = new Scene(window);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Interest Graph Workbench");
        placeWindow(stage);
        stage.show();
        boolean demo = workspace == null;
        Path folder = demo ? AppSettings.home().resolve("demo-workspace") : workspace;
        window.open(folder, demo, ws -> stage.setTitle("Interest Graph Workbench — " + ws.folder().getFileName()));
    }

    private void placeWindow(Stage stage) {
        AppSettings.WindowBounds b = settings.window();
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        boolean onScreen = !Double.isNaN(b.x()) && !Screen.getScreensForRectangle(
                new Rectangle2D(b.x(), b.y(), Math.max(1, b.width()), Math.max(1, b.height()))).isEmpty();
        if (onScreen) {
            stage.setX(b.x());
            stage.setY(b.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(b.maximized());
        stage.setOnHiding(e -> settings.window(new AppSettings.WindowBounds(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), stage.isMaximized())));
    }

    /** Waits until the workspace is closed and the settings saved after {@link #stop()}. */
    public boolean awaitStopped(long seconds) throws InterruptedException {
        return stopped.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    public MainWindow window() {
        return window;
    }

    /**
     * Closing the workspace and saving the settings are I/O, so they run on a thread of their own; it is not a
     * daemon, so the JVM waits for it before exiting.
     */
    @Override
    public void stop() {
        Thread closer = new Thread(() -> {
            if (window != null) {
                window.close();
            }
            if (runner != null) {
                runner.close();
            }
            try {
                settings.save();
            } catch (IOException e) {
                System.err.println("igw: could not save the window settings: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "igw-shutdown");
        closer.start();
    }
}
