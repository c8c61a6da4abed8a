package io.igw.storage.catalog;

import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Makes sure every user and item that events mention has a row in USERS and ITEMS (attributes may come later from a
 * catalogue). New rows carry the dataset that introduced them, so they leave with it.
 */
public final class EntityRegistry {
    private static final int BATCH = 2000;

    private final Workspace workspace;

    public EntityRegistry(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Registers users that are not known yet; returns how many were new. */
    public long registerUsers(int datasetId, long[] userIds, int count) {
        return register("INSERT INTO users(user_id, dataset_id) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM users WHERE user_id = ?)", datasetId, userIds, null, count);
    }

    /** Registers items not known yet, with the category their events gave (NO_CATEGORY for none). */
    public long registerItems(int datasetId, long[] itemIds, long[] categoryIds, int count) {
        return register("INSERT INTO items(item_id, dataset_id, category_id) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM items WHERE item_id = ?)", datasetId, itemIds, categoryIds, count);
    }

    private long register(String sql, int datasetId, long[] ids, long[] categories, int count) {
        long added = 0;
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                int p = 1;
                ps.setLong(p++, ids[i]);
                ps.setInt(p++, datasetId);
                if (categories != null) {
                    if (categories[i] == io.igw.storage.events.EventRow.NO_CATEGORY) {
                        ps.setNull(p++, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(p++, categories[i]);
                    }
                }
                ps.setLong(p, ids[i]);
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    added += sum(ps.executeBatch());
                }
            }
            added += sum(ps.executeBatch());
            c.commit();
        } catch (SQLException e) {
            throw workspace.failure("registering users and items", e);
        }
        return added;
    }

    private static long sum(int[] counts) {
        long s = 0;
        for (int n : counts) {
            s += Math.max(0, n);
        }
        return s;
    }
}
