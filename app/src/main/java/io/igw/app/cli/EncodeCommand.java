package io.igw.app.cli;

import io.igw.engine.text.Bilingual;
import io.igw.engine.text.CatalogueEncoding;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Encodes the catalogue's item titles and tags into vectors with the in-process text model",
            "(bge-small-zh-v1.5, quantised; nothing is downloaded) and keeps them in the workspace. Only new or changed",
            "titles and new tags are encoded; an unchanged catalogue costs nothing. Prints model, catalogue_version,",
            "items, items_encoded, items_reused, tags, tags_encoded, tags_reused, seconds, texts_per_second."})
final class EncodeCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = Workspace.open(workspace, false)) {
            CatalogueEncoding.Result r = Jobs.run("encode", new CatalogueEncoding(ws, new Bilingual()), output.quiet);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", r.model());
            out.put("catalogue_version", r.catalogueVersion());
            out.put("items", r.items());
            out.put("items_encoded", r.itemsEncoded());
            out.put("items_reused", r.itemsReused());
            out.put("tags", r.tags());
            out.put("tags_encoded", r.tagsEncoded());
            out.put("tags_reused", r.tagsReused());
            out.put("concepts", r.concepts());
            out.put("concept_tags", r.conceptTags());
            out.put("seconds", r.seconds());
            out.put("texts_per_second", r.textsPerSecond());
            System.out.println(Json.write(out));
        }
        return 0;
    }
}
