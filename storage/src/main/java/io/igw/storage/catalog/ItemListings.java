package io.igw.storage.catalog;

import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The catalogue's titled, categorised items with their brand, price and attributes, for what titles do. */
public final class ItemListings {
    /** One item; {@code price} NaN when unknown; {@code attributes} what is true of it beyond its title. */
    public record Row(long itemId, String title, long categoryId, String brand, double price, List<String> attributes) {
    }

    private ItemListings() {
    }

    /** Every item with a title and a category, by id. */
    public static List<Row> read(Workspace workspace) {
        List<Row> out = new ArrayList<>();
        try (Connection c = workspace.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT item_id, title, category_id, brand, price, attributes FROM items "
                     + "WHERE title IS NOT NULL AND category_id IS NOT NULL ORDER BY item_id")) {
            while (r.next()) {
                String attributes = r.getString(6);
                List<String> list = attributes == null || attributes.isBlank() ? List.of()
                        : Arrays.stream(attributes.split(";")).map(String::trim).filter(a -> !a.isEmpty()).toList();
                double price = r.getBigDecimal(5) == null ? Double.NaN : r.getBigDecimal(5).doubleValue();
                out.add(new Row(r.getLong(1), r.getString(2), r.getLong(3), r.getString(4), price, list));
            }
        } catch (SQLException e) {
            throw workspace.failure("reading the catalogue's titles", e);
        }
        return out;
    }
}
