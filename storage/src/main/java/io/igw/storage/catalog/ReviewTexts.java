package io.igw.storage.catalog;

import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Every item's review texts, joined, for tag extraction. */
public final class ReviewTexts {
    private final Workspace workspace;

    public ReviewTexts(Workspace workspace) {
        this.workspace = workspace;
    }

    public Map<Long, String> byItem() {
        Map<Long, StringBuilder> texts = new HashMap<>();
        try (Connection c = workspace.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT item_id, text FROM reviews WHERE text IS NOT NULL")) {
            while (rs.next()) {
                texts.computeIfAbsent(rs.getLong(1), k -> new StringBuilder()).append(' ').append(rs.getString(2));
            }
        } catch (SQLException e) {
            throw workspace.failure("reading review texts", e);
        }
        Map<Long, String> out = new HashMap<>();
        texts.forEach((item, text) -> out.put(item, text.toString()));
        return out;
    }
}
