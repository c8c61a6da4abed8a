package io.igw.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.igw.engine.ArchitectureExemption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layers pointing one way: app → viz → engine → storage. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.igw");
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("io.igw.app..")
                .layer("viz").definedBy("io.igw.viz..")
                .layer("engine").definedBy("io.igw.engine..")
                .layer("storage").definedBy("io.igw.storage..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("viz").mayOnlyBeAccessedByLayers("app")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("viz", "app")
                .whereLayer("storage").mayOnlyBeAccessedByLayers("engine", "viz", "app")
                .because("the workbench is layered app → viz → engine → storage, so that the CLI and the GUI run "
                        + "the same engine jobs and the engine never depends on a screen")
                .check(classes);
    }

    @Test
    void onlyStorageTouchesSql() {
        noClasses().that().resideOutsideOfPackage("io.igw.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..")
                .because("the workspace's database is storage's business alone; everything above speaks its API")
                .check(classes);
    }

    @Test
    void engineAndStorageNeverTouchTheScreen() {
        noClasses().that().resideInAnyPackage("io.igw.engine..", "io.igw.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "org.graphstream.ui..",
                        "atlantafx..", "org.kordamp..")
                .because("engine jobs run headless from the CLI and in tests")
                .check(classes);
    }

    @Test
    void chartsAndGraphRenderingStayInVizAndApp() {
        noClasses().that().resideOutsideOfPackages("io.igw.viz..", "io.igw.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jfree..")
                .because("charts are drawn by viz for the app")
                .check(classes);
    }

    @Test
    void deepLearningStaysInTheModelPackages() {
        noClasses().that().resideOutsideOfPackages("io.igw.engine.recommenders..", "io.igw.engine.prediction..",
                        "io.igw.engine.titles..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
                .because("DL4J and ND4J are confined to the model, prediction and title-generator packages (issues #4, #5, #15), "
                        + "so the rest starts without them")
                .check(classes);
    }

    @Test
    void theTextModelStaysInTheTextPackage() {
        noClasses().that().resideOutsideOfPackages("io.igw.engine.text..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "ai.onnxruntime..", "ai.djl..")
                .because("the text model and its runtime load only where text is encoded (issue #14), so the rest starts without them")
                .check(classes);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.igw.(**)").should().beFreeOfCycles()
                .because("a cycle between packages means neither can be understood, tested or moved without the other")
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToStandardOutput() {
        noClasses().that().resideOutsideOfPackage("io.igw.app.cli..").and().areNotAnnotatedWith(ArchitectureExemption.class)
                .should().accessField(System.class, "out")
                .because("standard output carries the command line's JSON: anything else printed there breaks the "
                        + "scripts that read it; progress goes to standard error")
                .check(classes);
    }
}
