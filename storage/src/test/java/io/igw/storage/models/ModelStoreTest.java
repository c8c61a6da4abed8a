package io.igw.storage.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model registry: what is registered, completed and discarded; its migration to provenance as JSON. */
class ModelStoreTest {
    @TempDir
    Path tmp;

    private static ModelStore.Registration registration() {
        return new ModelStore.Registration("ease", "lambda=250.0", 3, "datasets 1", 10, 20, 30, Instant.parse("2026-11-30T10:00:00Z"),
                "{\"kind\":\"ease\"}");
    }

    @Test
    void aCompletedModelIsListedWithWhatItWasStoredWith() {
        try (Workspace ws = Workspace.open(tmp.resolve("w"), true)) {
            ModelStore store = new ModelStore(ws);
            int id = store.begin(registration());
            assertTrue(store.list().isEmpty(), "a model being written is not listed");
            try (ColumnFolderWriter w = store.writer(id)) {
                w.floats("weights", new float[]{1, 2}, 2);
                w.commit();
            }
            store.complete(id, 0, "{\"ndcg@20\":0.5}", "[]", 1.25);
            ModelStore.TrainedModel m = store.latest("ease").orElseThrow();
            assertEquals(id, m.id());
            assertEquals(Instant.parse("2026-11-30T10:00:00Z"), m.trainedAt());
            assertEquals("{\"kind\":\"ease\"}", m.provenanceJson());
            assertEquals("{\"ndcg@20\":0.5}", m.metrics());
            assertEquals(1.25, m.trainSeconds());
            assertEquals(2f, store.state(id).floats("weights")[1]);
            assertTrue(store.latest("pop").isEmpty());
        }
    }

    @Test
    void aModelInterruptedWhileTrainingIsRemovedOnOpen() {
        Path folder = tmp.resolve("w2");
        int id;
        try (Workspace ws = Workspace.open(folder, true)) {
            ModelStore store = new ModelStore(ws);
            id = store.begin(registration());
            try (ColumnFolderWriter w = store.writer(id)) {
                w.floats("weights", new float[]{1}, 1);
                w.commit();   // never completed: as after a kill
            }
        }
        try (Workspace ws = Workspace.open(folder, false)) {
            ModelStore store = new ModelStore(ws);
            assertTrue(store.find(id).isEmpty());
            assertFalse(ColumnFolder.exists(folder.resolve("models").resolve("M" + id)));
        }
    }

    @Test
    void modelsStoredBeforeProvenanceGetItFromTheirRow() throws Exception {
        Path folder = tmp.resolve("old");
        Files.createDirectories(folder);
        String url = "jdbc:h2:file:" + folder.resolve("workspace");
        Flyway.configure().dataSource(url, "igw", "").locations("classpath:db/migration").target("5").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "igw", ""); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO trained_models(status, trained_at, model, parameters, seed, data_version, users, "
                    + "items, interactions, epochs, metrics, curve, train_seconds) VALUES ('complete', CURRENT_TIMESTAMP, "
                    + "'itemknn', 'neighbours=100,shrink=10.0', 7, 'datasets 4', 80, 1578, 2911, 0, '{}', '[]', 0.1)");
        }
        try (ColumnFolderWriter w = new ColumnFolderWriter(folder.resolve("models").resolve("M1"))) {
            w.ints("shape", new int[]{1578}, 1);   // the model's state, as that release wrote it
            w.commit();
        }
        try (Workspace ws = Workspace.open(folder, false)) {
            assertEquals(1, new ModelStore(ws).list().size());
            try (Connection c = ws.connection(); Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT provenance FROM trained_models WHERE model = 'itemknn'")) {
                assertTrue(rs.next());
                String json = rs.getString(1);
                assertTrue(json.contains("\"kind\":\"itemknn\""), json);
                assertTrue(json.contains("\"settings\":\"neighbours=100,shrink=10.0\""), json);
                assertTrue(json.contains("\"seed\":7"), json);
                assertTrue(json.contains("\"data_version\":\"datasets 4\""), json);
                assertTrue(json.contains("\"libraries\":{\"recorded\":\"no"), json);
            }
        }
    }
}
