package io.igw.storage.datasets;

import java.util.Locale;

/** What an imported file contained. */
public enum DatasetKind {
    EVENTS, ITEMS, CATEGORIES, USERS, REVIEWS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatasetKind ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
