package io.igw.storage.catalog;

import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** What a users file said about each user (age, gender, city), for targeting by demographics. */
public final class UserAttributes {
    /** One user's attributes; an absent age is null, absent text is null. */
    public record Person(Integer age, String gender, String city) {
    }

    private final Map<Long, Person> people;

    private UserAttributes(Map<Long, Person> people) {
        this.people = people;
    }

    public static UserAttributes load(Workspace workspace) {
        Map<Long, Person> people = new HashMap<>();
        try (Connection c = workspace.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT user_id, age, gender, city FROM users "
                     + "WHERE age IS NOT NULL OR gender IS NOT NULL OR city IS NOT NULL")) {
            while (rs.next()) {
                int age = rs.getInt(2);
                Integer a = rs.wasNull() ? null : age;
                people.put(rs.getLong(1), new Person(a, rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw workspace.failure("reading user attributes", e);
        }
        return new UserAttributes(people);
    }

    /** The user's attributes, or null when no users file named them. */
    public Person of(long userId) {
        return people.get(userId);
    }

    /** Whether any user has attributes at all. */
    public boolean isEmpty() {
        return people.isEmpty();
    }
}
