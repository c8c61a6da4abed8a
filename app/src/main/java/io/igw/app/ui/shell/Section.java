package io.igw.app.ui.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** The workbench's screens, in the order of the navigation bar. Those not built yet say so, and say when. */
public enum Section {
    DATA("Data", Feather.DATABASE, null),
    GRAPH("Graph", Feather.SHARE_2, null),
    MODELS("Models", Feather.CPU, null),
    RECOMMENDATIONS("Recommendations", Feather.THUMBS_UP, null),
    TARGETING("Targeting", Feather.TARGET, null),
    PREDICTIONS("Predictions", Feather.TRENDING_UP, null),
    RULES("Rules", Feather.SHOPPING_CART, null),
    REPORTS("Reports", Feather.FILE_TEXT, null);

    private final String title;
    private final Ikon icon;
    private final String notYet;

    Section(String title, Ikon icon, String notYet) {
        this.title = title;
        this.icon = icon;
        this.notYet = notYet;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    /** What this screen will do, while it is not built; null once it is. */
    public String notYet() {
        return notYet;
    }
}
