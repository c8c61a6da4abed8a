package io.igw.engine.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The behaviour-log layouts the importer understands. */
public enum ImportFormat {
    TAOBAO("Taobao UserBehavior: user,item,category,pv|cart|fav|buy,unix seconds; no header"),
    RETAILROCKET("RetailRocket events.csv: timestamp(ms),visitorid,event,itemid,transactionid; header"),
    MOVIELENS("MovieLens u.data (tab-separated) or ratings.csv (header); the rating is the strength"),
    GENERIC("Any delimited file with a header, columns mapped by name");

    private final String description;

    ImportFormat(String description) {
        this.description = description;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public static ImportFormat ofLabel(String label) {
        for (ImportFormat f : values()) {
            if (f.label().equalsIgnoreCase(label.trim())) {
                return f;
            }
        }
        throw new ImportException("Unknown format '" + label + "': use one of "
                + Arrays.stream(values()).map(ImportFormat::label).collect(Collectors.joining(", ")) + ".");
    }
}
