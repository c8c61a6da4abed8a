package io.igw.app.ui.kit;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The workbench's screens, in the order of the navigation bar. */
public enum Section {
    DATA("Data", Feather.DATABASE),
    GRAPH("Graph", Feather.SHARE_2),
    MODELS("Models", Feather.CPU),
    RECOMMENDATIONS("Recommendations", Feather.THUMBS_UP),
    TARGETING("Targeting", Feather.TARGET),
    PREDICTIONS("Predictions", Feather.TRENDING_UP),
    RULES("Rules", Feather.SHOPPING_CART),
    REPORTS("Reports", Feather.FILE_TEXT);

    private final String title;
    private final Ikon icon;

    Section(String title, Ikon icon) {
        this.title = title;
        this.icon = icon;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }
}
