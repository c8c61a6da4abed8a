package io.igw.storage.catalog;

import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.datasets.ImportTotals;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes a catalogue file (items, categories, users, reviews) in one transaction: it all lands on
 * {@link #complete}, or none of it does. Rows that name an existing id update its attributes.
 */
public final class CatalogWriter implements AutoCloseable {
    private static final int BATCH = 1000;

    private final Workspace workspace;
    private final int datasetId;
    private final Connection connection;
    private PreparedStatement items;
    private PreparedStatement itemCategories;
    private PreparedStatement categories;
    private PreparedStatement users;
    private PreparedStatement reviews;
    private int pending;
    private boolean done;

    public CatalogWriter(Workspace workspace, int datasetId) {
        this.workspace = workspace;
        this.datasetId = datasetId;
        this.connection = workspace.connection();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw workspace.failure("starting the catalogue import", e);
        }
    }

    public void item(long itemId, String title, Long categoryId, String brand, BigDecimal price) {
        item(itemId, title, categoryId, brand, price, null);
    }

    /** @param attributes what is true of the item beyond its title ("waterproof;official"), or null */
    public void item(long itemId, String title, Long categoryId, String brand, BigDecimal price, String attributes) {
        run(() -> {
            if (items == null) {
                items = connection.prepareStatement("MERGE INTO items(item_id, title, category_id, brand, price, attributes) "
                        + "KEY(item_id) VALUES (?, ?, ?, ?, ?, ?)");
            }
            items.setLong(1, itemId);
            items.setString(2, title);
            setLong(items, 3, categoryId);
            items.setString(4, brand);
            items.setBigDecimal(5, price);
            items.setString(6, attributes);
            items.addBatch();
        });
    }

    public void itemCategory(long itemId, long categoryId) {
        run(() -> {
            if (itemCategories == null) {
                itemCategories = connection.prepareStatement("MERGE INTO item_categories(item_id, category_id, dataset_id) "
                        + "KEY(item_id, category_id) VALUES (?, ?, ?)");
            }
            itemCategories.setLong(1, itemId);
            itemCategories.setLong(2, categoryId);
            itemCategories.setInt(3, datasetId);
            itemCategories.addBatch();
        });
    }

    public void category(long categoryId, Long parentId, String name, String nameZh) {
        run(() -> {
            if (categories == null) {
                categories = connection.prepareStatement("MERGE INTO categories(category_id, parent_id, name, name_zh) "
                        + "KEY(category_id) VALUES (?, ?, ?, ?)");
            }
            categories.setLong(1, categoryId);
            setLong(categories, 2, parentId);
            categories.setString(3, name);
            categories.setString(4, nameZh);
            categories.addBatch();
        });
    }

    public void user(long userId, Integer age, String gender, String city, String occupation, String postcode) {
        run(() -> {
            if (users == null) {
                users = connection.prepareStatement("MERGE INTO users(user_id, age, gender, city, occupation, postcode) "
                        + "KEY(user_id) VALUES (?, ?, ?, ?, ?, ?)");
            }
            users.setLong(1, userId);
            if (age == null) {
                users.setNull(2, Types.INTEGER);
            } else {
                users.setInt(2, age);
            }
            users.setString(3, gender);
            users.setString(4, city);
            users.setString(5, occupation);
            users.setString(6, postcode);
            users.addBatch();
        });
    }

    public void review(long userId, long itemId, Float rating, String text, Long reviewTime) {
        run(() -> {
            if (reviews == null) {
                reviews = connection.prepareStatement("INSERT INTO reviews(dataset_id, user_id, item_id, rating, text, "
                        + "review_time) VALUES (?, ?, ?, ?, ?, ?)");
            }
            reviews.setInt(1, datasetId);
            reviews.setLong(2, userId);
            reviews.setLong(3, itemId);
            if (rating == null) {
                reviews.setNull(4, Types.REAL);
            } else {
                reviews.setFloat(4, rating);
            }
            reviews.setString(5, text);
            setLong(reviews, 6, reviewTime);
            reviews.addBatch();
        });
    }

    /** Flushes, tags new rows with the dataset, records the totals and commits, all in one transaction. */
    public void complete(ImportTotals totals) {
        try {
            flush();
            for (String table : new String[]{"items", "categories", "users"}) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "UPDATE " + table + " SET dataset_id = ? WHERE dataset_id IS NULL")) {
                    ps.setInt(1, datasetId);
                    ps.executeUpdate();
                }
            }
            new DatasetStore(workspace).complete(connection, datasetId, totals);
            connection.commit();
            done = true;
            workspace.syncToDisk();
        } catch (SQLException e) {
            throw workspace.failure("saving the catalogue", e);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private void run(SqlAction action) {
        try {
            action.run();
            if (++pending >= BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw workspace.failure("writing catalogue rows", e);
        }
    }

    private void flush() throws SQLException {
        for (PreparedStatement ps : new PreparedStatement[]{categories, items, itemCategories, users, reviews}) {
            if (ps != null) {
                ps.executeBatch();
            }
        }
        pending = 0;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** Rolls back unless {@link #complete} ran. */
    @Override
    public void close() {
        try {
            if (!done) {
                connection.rollback();
            }
            connection.close();
        } catch (SQLException e) {
            throw workspace.failure("closing the catalogue import", e);
        }
    }
}
