package io.igw.engine.graph;

import java.util.Locale;

/** What a user's interest points at; the order is the order interests are listed in (categories first). */
public enum GraphKind {
    CATEGORY, TAG, BRAND, ITEM;

    private static final GraphKind[] BY_CODE = values();

    public byte code() {
        return (byte) ordinal();
    }

    public static GraphKind ofCode(byte code) {
        return BY_CODE[code];
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GraphKind ofLabel(String label) {
        for (GraphKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not one of category, tag, brand, item");
    }
}
