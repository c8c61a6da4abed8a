package io.igw.app.ui.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.app.ui.predict.PredictionsViewModel;
import io.igw.app.ui.rules.RulesViewModel;
import io.igw.app.ui.TextModelStandIn;
import io.igw.app.ui.kit.UiTasks;
import io.igw.app.ui.targeting.TargetingViewModel;
import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.rules.Baskets;
import io.igw.engine.task.JobContext;
import io.igw.engine.task.JobRunner;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Targeting, Predictions and Rules screens without their pixels: jobs run in place, results land at once. */
class MarketerScreensTest {
    @TempDir
    static Path tmp;
    static Workspace workspace;
    static Path data;
    static UiTasks tasks = new UiTasks(JobRunner.direct(), Runnable::run);

    @BeforeAll
    static void open() throws Exception {
        data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(600, 11)).run(JobContext.quiet());
        workspace = Workspace.open(tmp.resolve("ws"), true);
        new WorkspaceImport(workspace, new ImportRequest(ImportFormat.TAOBAO, List.of(data.resolve("events.csv")),
                Map.of(DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv"),
                        DatasetKind.USERS, data.resolve("users.csv")), "")).run(JobContext.quiet());
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @Test
    void anAudienceIsBuiltKeptComparedAndExported() throws Exception {
        TargetingViewModel model = new TargetingViewModel(workspace, tasks);
        model.refresh();
        assertTrue(model.ready.get(), model.work.status.get());
        assertTrue(model.choices.stream().anyMatch(c -> c.key().startsWith("category:")));
        TargetingViewModel.Choice category = model.choices.stream().filter(c -> c.key().startsWith("category:3")).findFirst().orElseThrow();
        model.add(category);
        model.add(category);
        assertEquals(category.key(), model.targets.get(), "adding twice keeps one");

        model.threshold.set(0.1);
        model.build();
        assertTrue(model.audienceSize.get() > 0, model.work.status.get());
        assertEquals(21, model.reach.size());
        assertEquals(model.audienceSize.get(), model.members.size());
        assertTrue(model.members.get(0).reason().matches("category .*: \\d+% of \\d+ sessions?"), model.members.get(0).reason());
        assertTrue(model.lift.get().startsWith("Expected lift "), model.lift.get());
        model.keep();

        model.bySize.set(true);
        model.size.set(10);
        model.lookalikePercent.set(2);
        model.build();
        assertEquals(10, model.audienceSize.get());
        assertEquals(10 + 12, model.members.size(), "2% of 600 users as lookalikes");
        assertTrue(model.members.get(10).lookalike());
        model.keep();
        assertEquals(2, model.kept.size());
        assertEquals(10, model.overlap().get(0).both(), "the top 10 are in the wider audience");

        Path csv = tmp.resolve("audience.csv");
        model.export(csv);
        assertEquals("The audience has 22 people, fewer than the 100 an export needs: ad platforms refuse smaller audiences so "
                + "that no one can be singled out, and nothing was written. Widen the audience, or lower the minimum in "
                + "\"Smallest export\" below the form.", model.work.status.get());
        assertFalse(Files.exists(csv));
        model.smallestExport.set(20);
        model.export(csv);
        assertTrue(model.work.status.get().startsWith("Exported 22 users"), model.work.status.get());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("user_id,score,reason", lines.get(0));
        assertTrue(lines.get(1).matches("[0-9a-f]{64},.*"), "ids are hashed by default: " + lines.get(1));

        model.targets.set("colour:red");
        model.build();
        assertEquals("Targets 'colour:red': the kind must be category, tag, brand or item.", model.work.status.get());
        assertEquals(10, model.audienceSize.get(), "a mistake keeps the audience shown");
    }

    @Test
    void creativesAreWrittenForTheAudienceKeptWithItAndExportedBesideIt() throws Exception {
        new io.igw.engine.titles.TrainTitles(workspace, new io.igw.engine.titles.TrainTitles.Effort(1, 256, 0), 2).run(JobContext.quiet());
        TargetingViewModel model = new TargetingViewModel(workspace, tasks);
        model.writeCreatives();
        assertEquals("Build an audience with someone in it first.", model.creativeWork.status.get());
        model.refresh();
        String category = model.choices.stream().filter(c -> c.key().startsWith("category:3")).findFirst().orElseThrow().key();
        model.targets.set(category);
        model.bySize.set(true);
        model.size.set(60);
        model.build();
        model.writeCreatives();
        assertFalse(model.creatives.isEmpty(), model.creativeWork.status.get());
        assertTrue(model.creativeWork.status.get().matches("\\d creatives for \\d+ users\\."), model.creativeWork.status.get());
        assertTrue(model.creativesSummary.get().startsWith("Strongest interests: "), model.creativesSummary.get());
        model.keep();
        assertEquals(model.creatives, model.kept.get(model.kept.size() - 1).creatives(), "kept with the audience");

        Path csv = tmp.resolve("with-creatives.csv");
        model.smallestExport.set(1);
        model.export(csv);
        assertTrue(model.work.status.get().contains("creatives to with-creatives.creatives.csv"), model.work.status.get());
        List<String> lines = Files.readAllLines(tmp.resolve("with-creatives.creatives.csv"));
        assertEquals(model.creatives.size() + 1, lines.size());

        io.igw.engine.report.ReportContent report = new io.igw.engine.report.ReportBuilder(workspace,
                List.of(io.igw.engine.report.ReportSection.CREATIVES), List.of(model.kept.get(model.kept.size() - 1).spec()))
                .run(JobContext.quiet());
        io.igw.engine.report.ReportContent.Table table = report.sections().get(0).parts().stream()
                .filter(p -> p instanceof io.igw.engine.report.ReportContent.Table t && t.name().equals("creatives"))
                .map(p -> (io.igw.engine.report.ReportContent.Table) p).findFirst().orElseThrow();
        assertFalse(table.rows().isEmpty(), "the report's Creatives section lists the kept audience's creatives");
        assertEquals("1", table.rows().get(0).get(1));

        model.targets.set("brand:" + model.choices.stream().filter(c -> c.key().startsWith("brand:")).findFirst().orElseThrow()
                .key().substring(6));
        model.build();
        assertTrue(model.creatives.isEmpty(), "another campaign's audience clears them");
    }

    @Test
    void aDescriptionProposesTargetsThatTickingEdits() {
        TargetingViewModel model = new TargetingViewModel(workspace, tasks, new TextModelStandIn());
        model.refresh();
        model.description.set("   ");
        model.describe();
        assertTrue(model.work.status.get().contains("must say who the audience is"), model.work.status.get());

        model.description.set("Baby Food");
        model.describe();
        assertFalse(model.proposals.isEmpty(), model.work.status.get());
        TargetingViewModel.Proposal first = model.proposals.get(0);
        assertTrue(first.label().startsWith("Baby Food"), "the category of that name comes first: " + model.proposals);
        assertTrue(first.key().startsWith("category:"));
        assertEquals(TargetingViewModel.PROPOSALS_USED, model.proposals.stream().filter(p -> p.used().get()).count());
        assertTrue(model.targets.get().startsWith(first.key()), model.targets.get());
        for (int k = 1; k < model.proposals.size(); k++) {
            assertTrue(model.proposals.get(k).similarity() <= model.proposals.get(k - 1).similarity(), "closest first");
        }

        model.proposals.get(1).used().set(false);
        assertFalse(model.targets.get().contains(model.proposals.get(1).key()), "unticking takes it out of the targets");
        model.threshold.set(0.05);
        model.build();
        assertTrue(model.audienceSize.get() > 0, model.work.status.get());
    }

    @Test
    void aPredictionShowsItsFiguresAndWhoIsMostAtRisk() {
        PredictionsViewModel model = new PredictionsViewModel(workspace, tasks);
        model.outcome.set(Outcome.CHURN);
        model.horizonDays.set(7);
        model.run();
        assertFalse(model.work.running.get());
        assertTrue(model.summary.get().startsWith("No activity in the next 7 days: tested on the last 7 days"), model.summary.get());
        assertEquals(10, model.deciles.size());
        assertFalse(model.atRisk.isEmpty());
        assertFalse(model.atRisk.get(0).reasons().isBlank());
        assertTrue(model.result.get().model().roc().size() > 2);

        model.horizonDays.set(60);
        model.run();
        assertTrue(model.work.status.get().startsWith("Horizon (days) is too long for this log: it covers 35 days"), model.work.status.get());
    }

    @Test
    void aReportIsPreviewedAndSavedWithItsTables() throws Exception {
        io.igw.app.ui.reports.ReportsViewModel model = new io.igw.app.ui.reports.ReportsViewModel(workspace, tasks, List::of);
        for (io.igw.engine.report.ReportSection s : io.igw.engine.report.ReportSection.values()) {
            model.include.get(s).set(s == io.igw.engine.report.ReportSection.DATASETS || s == io.igw.engine.report.ReportSection.RULES);
        }
        model.preview();
        assertTrue(model.pages.size() >= 1, model.work.status.get());
        assertTrue(model.work.status.get().startsWith("Preview: "), model.work.status.get());
        Path html = tmp.resolve("r.html");
        model.save(html);
        assertTrue(model.work.status.get().startsWith("Saved "), model.work.status.get());
        assertTrue(Files.readString(html).contains("<h2>Association rules</h2>"));
        assertTrue(Files.isRegularFile(tmp.resolve("r-rules.csv")));
        model.save(tmp.resolve("r.docx"));
        assertTrue(model.work.status.get().startsWith("File must name a .html or .pdf file"), model.work.status.get());
        model.include.values().forEach(b -> b.set(false));
        model.preview();
        assertEquals("Choose at least one section.", model.work.status.get());
    }

    @Test
    void rulesAreMinedNamedAndFiltered() throws Exception {
        RulesViewModel model = new RulesViewModel(workspace, tasks);
        model.minSupport.set(0.002);
        model.mine();
        assertFalse(model.rules.isEmpty(), model.work.status.get() + " " + model.summary.get());
        assertTrue(model.summary.get().matches("\\d+ rules from .*"), model.summary.get());
        RulesViewModel.Row first = model.rules.get(0);
        assertTrue(first.antecedent().endsWith(")"), first.antecedent());
        String id = first.antecedent().substring(first.antecedent().lastIndexOf('(') + 1, first.antecedent().length() - 1);
        int all = model.rules.size();
        model.filter.set(id);
        assertTrue(model.rules.size() >= 1 && model.rules.size() <= all);
        assertTrue(model.rules.stream().allMatch(r -> r.antecedent().contains(id) || r.consequent().contains(id)));
        model.filter.set("");
        assertEquals(all, model.rules.size());

        model.level.set(Baskets.Level.CATEGORY);
        model.mine();
        assertTrue(model.summary.get().contains("baskets"), model.summary.get());
        model.minSupport.set(2);
        model.mine();
        assertTrue(model.work.status.get().startsWith("Minimum support must be"), model.work.status.get());
    }
}
