package io.igw.app.ui.shell;

import io.igw.app.ui.data.DataView;
import io.igw.app.ui.data.DataViewModel;
import io.igw.app.ui.graph.GraphView;
import io.igw.app.ui.graph.GraphViewModel;
import io.igw.app.ui.kit.Screen;
import io.igw.app.ui.kit.Section;
import io.igw.app.ui.kit.UiTasks;
import io.igw.app.ui.models.ModelsView;
import io.igw.app.ui.models.ModelsViewModel;
import io.igw.app.ui.predict.PredictionsView;
import io.igw.app.ui.predict.PredictionsViewModel;
import io.igw.app.ui.recommend.RecommendationsView;
import io.igw.app.ui.recommend.RecommendationsViewModel;
import io.igw.app.ui.reports.ReportsView;
import io.igw.app.ui.reports.ReportsViewModel;
import io.igw.app.ui.rules.RulesView;
import io.igw.app.ui.rules.RulesViewModel;
import io.igw.app.ui.targeting.TargetingView;
import io.igw.app.ui.targeting.TargetingViewModel;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * Every screen of the workbench for one open workspace, in the order of the navigation bar: the one list a new
 * screen is added to. The data and graph screens are also kept by name for the demo workspace's first import.
 */
record Screens(List<Screen> all, DataViewModel data, GraphViewModel graph) {
    static Screens of(Workspace workspace, UiTasks tasks, AppSettings settings) {
        DataViewModel data = new DataViewModel(workspace, tasks);
        DataView dataView = new DataView(data, tasks);
        GraphViewModel graph = new GraphViewModel(workspace, tasks);
        GraphView graphView = new GraphView(graph);
        ModelsViewModel models = new ModelsViewModel(workspace, tasks);
        RecommendationsViewModel recommendations = new RecommendationsViewModel(workspace, tasks);
        TargetingViewModel targeting = new TargetingViewModel(workspace, tasks);
        targeting.smallestExport.set(settings.smallestAudienceExport());
        targeting.smallestExport.addListener((o, was, now) -> settings.smallestAudienceExport(now.intValue()));
        PredictionsViewModel predictions = new PredictionsViewModel(workspace, tasks);
        RulesViewModel rules = new RulesViewModel(workspace, tasks);
        ReportsViewModel reports = new ReportsViewModel(workspace, tasks,
                () -> targeting.kept.stream().map(TargetingViewModel.Kept::spec).toList());
        List<Screen> all = List.of(
                new Screen() {
                    @Override
                    public Section section() {
                        return Section.DATA;
                    }

                    @Override
                    public Node view() {
                        return dataView;
                    }

                    @Override
                    public boolean takesDroppedFiles() {
                        return true;
                    }

                    @Override
                    public void dropped(Path file) {
                        Platform.runLater(() -> dataView.openImportDialog(file));
                    }
                },
                Screen.of(Section.GRAPH, graphView, graphView::shown, graphView::dispose),
                Screen.of(Section.MODELS, new ModelsView(models), () -> {
                    if (!models.running.get()) {
                        models.refresh();
                    }
                }, models::cancel),
                Screen.of(Section.RECOMMENDATIONS, new RecommendationsView(recommendations), recommendations::refresh, () -> { }),
                Screen.of(Section.TARGETING, new TargetingView(targeting), targeting::refresh, targeting.work::cancel),
                Screen.of(Section.PREDICTIONS, new PredictionsView(predictions), () -> { }, predictions.work::cancel),
                Screen.of(Section.RULES, new RulesView(rules), () -> { }, rules.work::cancel),
                Screen.of(Section.REPORTS, new ReportsView(reports), () -> { }, reports.work::cancel));
        data.refresh();
        return new Screens(all, data, graph);
    }
}
