package io.igw.engine.graph;

import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.datasets.DatasetStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A column folder derived from the catalogue by a model (inferred categories, tag concepts), whose {@code about}
 * column names the model and the catalogue version it was made for: read only while that is the current catalogue.
 */
final class CatalogueDerived {
    private CatalogueDerived() {
    }

    /** The folder, when it exists and was made for the workspace's current catalogue; {@code about[0]} is the model. */
    static Optional<ColumnFolder> current(Workspace workspace, Path folder) {
        String version = InterestGraphBuilder.catalogueVersion(new DatasetStore(workspace));
        return ColumnFolder.readCache(folder, f -> f.strings("about")[1].equals(version) ? f : null);
    }
}
