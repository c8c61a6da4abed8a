package io.igw.storage.bulk;

import java.sql.Types;

/** A column of a bulk-built table: its name, its SQL type for the table, and the JDBC type the stream delivers. */
public record BulkColumn(String name, String sqlType, int jdbcType) {
    public static BulkColumn bigint(String name) {
        return new BulkColumn(name, "BIGINT", Types.BIGINT);
    }

    public static BulkColumn integer(String name) {
        return new BulkColumn(name, "INT", Types.INTEGER);
    }

    public static BulkColumn tinyint(String name) {
        return new BulkColumn(name, "TINYINT", Types.TINYINT);
    }

    public static BulkColumn real(String name) {
        return new BulkColumn(name, "REAL", Types.REAL);
    }

    public static BulkColumn varchar(String name, int length) {
        return new BulkColumn(name, "VARCHAR(" + length + ")", Types.VARCHAR);
    }
}
