package io.igw.storage.catalog;

import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** The catalogue as lookups: each item's category, brand and title, and each category's names. */
public final class CatalogLookup {
    public record Item(long id, Long categoryId, String brand, String title) {
    }

    public record Category(long id, Long parentId, String name, String nameZh) {
        /** The name to show: the English name, else the Chinese one, else the id. */
        public String label() {
            return name != null ? name : nameZh != null ? nameZh : Long.toString(id);
        }
    }

    private final Map<Long, Item> items = new HashMap<>();
    private final Map<Long, Category> categories = new HashMap<>();
    private final Map<Long, long[]> itemCategories = new HashMap<>();

    public static CatalogLookup load(Workspace workspace) {
        return load(workspace, true);
    }

    /** The catalogue; without titles (null) when they are not needed, which reads far less. */
    public static CatalogLookup load(Workspace workspace, boolean titles) {
        CatalogLookup lookup = new CatalogLookup();
        try (Connection c = workspace.connection(); Statement st = c.createStatement()) {
            String title = titles ? "title" : "CAST(NULL AS VARCHAR) AS title";
            try (ResultSet rs = st.executeQuery("SELECT item_id, category_id, brand, " + title + " FROM items")) {
                while (rs.next()) {
                    long category = rs.getLong(2);
                    Long cat = rs.wasNull() ? null : category;
                    lookup.items.put(rs.getLong(1), new Item(rs.getLong(1), cat, rs.getString(3), rs.getString(4)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT item_id, category_id FROM item_categories ORDER BY item_id, category_id")) {
                while (rs.next()) {
                    lookup.itemCategories.merge(rs.getLong(1), new long[]{rs.getLong(2)}, (a, b) -> {
                        long[] joined = java.util.Arrays.copyOf(a, a.length + 1);
                        joined[a.length] = b[0];
                        return joined;
                    });
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT category_id, parent_id, name, name_zh FROM categories")) {
                while (rs.next()) {
                    long parent = rs.getLong(2);
                    Long p = rs.wasNull() ? null : parent;
                    lookup.categories.put(rs.getLong(1), new Category(rs.getLong(1), p, rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("reading the catalogue", e);
        }
        return lookup;
    }

    public Item item(long id) {
        return items.get(id);
    }

    /** Every category the catalogue gives the item (MovieLens films have several genres); empty when none. */
    public long[] categoriesOf(long itemId) {
        long[] all = itemCategories.get(itemId);
        return all == null ? new long[0] : all.clone();
    }

    /**
     * The categories an item counts towards in the catalogue: all those it lists (a film's genres), else its own
     * category, else none.
     */
    public long[] categoriesOrOwn(long itemId) {
        long[] all = categoriesOf(itemId);
        if (all.length > 0) {
            return all;
        }
        Item item = items.get(itemId);
        return item == null || item.categoryId() == null ? all : new long[]{item.categoryId()};
    }

    public Category category(long id) {
        return categories.get(id);
    }

    /** Every category of the tree, by id. */
    public Map<Long, Category> categories() {
        return java.util.Collections.unmodifiableMap(categories);
    }

    public Map<Long, Item> items() {
        return java.util.Collections.unmodifiableMap(items);
    }
}
