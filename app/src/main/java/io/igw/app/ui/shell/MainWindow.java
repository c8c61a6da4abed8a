package io.igw.app.ui.shell;

import io.igw.app.ui.kit.Screen;
import io.igw.app.ui.kit.Section;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The workbench's frame: the navigation bar, the workspace switcher and the current screen. Opening a workspace
 * happens in the background; a file dropped anywhere on the window opens the import dialog.
 */
public final class MainWindow extends BorderPane {
    private final UiTasks tasks;
    private final AppSettings settings;
    private final Path sampleData;
    private final StackPane content = new StackPane();
    private final Label workspaceLabel = new Label();
    private final MenuButton workspaceMenu = new MenuButton("Workspace", new FontIcon(Feather.FOLDER));
    /** What each section shows now: its screen's view, or why there is none yet. */
    private final Map<Section, Node> views = new EnumMap<>(Section.class);
    private final ToggleGroup nav = new ToggleGroup();
    private Workspace workspace;
    /** Why the last workspace asked for could not be opened (every screen that needs one says so), or null. */
    private Path failedFolder;
    private String failedMessage;
    /** The open workspace's screens, or null while none is open. */
    private Screens screens;

    public MainWindow(UiTasks tasks, AppSettings settings, Path sampleData) {
        this.tasks = tasks;
        this.settings = settings;
        this.sampleData = sampleData;
        getStyleClass().add("main-window");
        setTop(header());
        setLeft(navigation());
        setCenter(content);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && dropTarget() != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            Screen target = dropTarget();
            boolean ok = files != null && !files.isEmpty() && target != null;
            e.setDropCompleted(ok);
            e.consume();
            if (ok) {
                show(target.section());
                target.dropped(files.get(0).toPath());
            }
        });
    }

    private Screen dropTarget() {
        return screens == null ? null : screens.all().stream().filter(Screen::takesDroppedFiles).findFirst().orElse(null);
    }

    private Region header() {
        Label app = new Label("Interest Graph Workbench", new FontIcon(Feather.SHARE_2));
        app.getStyleClass().add("title-4");
        workspaceLabel.setId("workspaceLabel");
        workspaceLabel.getStyleClass().add("text-muted");
        workspaceMenu.setId("workspaceMenu");
        rebuildWorkspaceMenu();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(14, app, workspaceLabel, spacer, workspaceMenu);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 14, 8, 14));
        bar.getStyleClass().add("app-header");
        return bar;
    }

    private Region navigation() {
        VBox bar = new VBox(4);
        bar.setPadding(new Insets(12, 8, 12, 8));
        bar.getStyleClass().add("app-nav");
        for (Section s : Section.values()) {
            ToggleButton b = new ToggleButton(s.title(), new FontIcon(s.icon()));
            b.setId("nav-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(nav);
            b.setUserData(s);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("flat");
            b.setOnAction(e -> show(s));
            bar.getChildren().add(b);
        }
        bar.setPrefWidth(215);
        bar.setMinWidth(215);
        return bar;
    }

    /** Switches to a screen (keeping the navigation bar in step). */
    public void show(Section section) {
        nav.getToggles().stream().filter(t -> t.getUserData() == section).findFirst().ifPresent(t -> t.setSelected(true));
        Node view = views.computeIfAbsent(section, s -> failedFolder != null ? openFailed(failedFolder, failedMessage)
                : loading("Opening the workspace…"));
        content.getChildren().setAll(view);
        if (screens != null) {
            screens.all().stream().filter(s -> s.section() == section).findFirst().ifPresent(Screen::shown);
        }
    }

    /** Opens a workspace in the background, closing the current one; the demo workspace is filled on first use. */
    public void open(Path folder, boolean demo, Consumer<Workspace> opened) {
        failedFolder = null;
        failedMessage = null;
        views.clear();
        if (screens != null) {
            screens.all().forEach(Screen::close);
            screens = null;
        }
        show(Section.DATA);
        tasks.start("open workspace", ctx -> {
            Workspace ws = Workspace.open(folder, true);
            boolean empty = new DatasetStore(ws).list().isEmpty();
            return new Object[]{ws, empty};
        }, new UiTasks.Outcome<Object[]>(result -> {
            Workspace previous = workspace;
            workspace = (Workspace) result[0];
            if (previous != null) {
                tasks.start("close workspace", ctx -> {
                    previous.close();
                    return null;
                }, new UiTasks.Outcome<>(x -> { }, x -> { }, () -> { }));
            }
            settings.opened(workspace.folder());
            rebuildWorkspaceMenu();
            workspaceLabel.setText(workspace.folder().toString());
            screens = Screens.of(workspace, tasks, settings);
            screens.all().forEach(screen -> views.put(screen.section(), screen.view()));
            show(Section.DATA);
            if (demo && (Boolean) result[1] && Files.isRegularFile(sampleData.resolve("events.csv"))) {
                Screens these = screens;
                // the demo workspace comes with its interest graph: built once the sample data is in
                these.data().startImport(demoImport(), report -> {
                    if (report.imported() > 0 && these == screens) {
                        these.graph().buildGraph();
                    }
                });
            }
            opened.accept(workspace);
        }, failure -> {
            failedFolder = folder;
            failedMessage = failure.getMessage();
            views.clear();   // screens that were waiting for it say why, too
            views.put(Section.DATA, openFailed(folder, failure.getMessage()));
            show(Section.DATA);
        }, () -> { }));
    }

    private ImportRequest demoImport() {
        Map<DatasetKind, Path> catalogues = new EnumMap<>(DatasetKind.class);
        catalogues.put(DatasetKind.CATEGORIES, sampleData.resolve("categories.csv"));
        catalogues.put(DatasetKind.ITEMS, sampleData.resolve("items.csv"));
        catalogues.put(DatasetKind.USERS, sampleData.resolve("users.csv"));
        catalogues.put(DatasetKind.REVIEWS, sampleData.resolve("reviews.csv"));
        catalogues.values().removeIf(p -> !Files.isRegularFile(p));
        return new ImportRequest(ImportFormat.TAOBAO, List.of(sampleData.resolve("events.csv")), catalogues, "");
    }

    private void rebuildWorkspaceMenu() {
        MenuItem openOther = new MenuItem("Open or create a workspace…", new FontIcon(Feather.FOLDER_PLUS));
        openOther.setOnAction(e -> chooseWorkspace());
        workspaceMenu.getItems().setAll(openOther, new SeparatorMenuItem());
        for (Path recent : settings.recentWorkspaces()) {
            MenuItem item = new MenuItem(recent.toString());
            item.setOnAction(e -> open(recent, false, ws -> { }));
            workspaceMenu.getItems().add(item);
        }
    }

    private void chooseWorkspace() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a workspace folder (an empty folder makes a new workspace)");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            open(dir.toPath(), false, ws -> { });
        }
    }

    private Node openFailed(Path folder, String message) {
        Label title = new Label("The workspace could not be opened");
        title.getStyleClass().add("title-3");
        Label detail = new Label(message);
        detail.setWrapText(true);
        detail.setId("openError");
        Button other = new Button("Open another workspace…");
        other.setOnAction(e -> chooseWorkspace());
        Button retry = new Button("Try again");
        retry.setOnAction(e -> open(folder, false, ws -> { }));
        VBox box = new VBox(12, new FontIcon(Feather.ALERT_TRIANGLE), title, detail, new HBox(8, retry, other));
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(560);
        return new StackPane(box);
    }

    private static Node loading(String text) {
        VBox box = new VBox(12, new ProgressIndicator(), new Label(text));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Closes the open workspace; called as the application stops. */
    public void close() {
        if (screens != null) {
            screens.all().forEach(Screen::close);
        }
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }
}
