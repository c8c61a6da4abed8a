package io.igw.storage.datasets;

import java.util.Objects;

/** What is known about an import before it starts: where from, in which format, with which options. */
public record NewDataset(DatasetKind kind, String format, String name, String source, String contentSha256, String options) {
    public NewDataset {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentSha256, "contentSha256");
        Objects.requireNonNull(options, "options");
    }
}
