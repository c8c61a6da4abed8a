package io.igw.engine.targeting;

import io.igw.engine.errors.InvalidSetting;
import io.igw.storage.catalog.UserAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who to keep by what the users file says: an age range and any of some genders and cities (empty: any). A user
 * the users file says nothing about is kept only when no demographic is asked for.
 */
public record Demographics(Integer minAge, Integer maxAge, Set<String> genders, Set<String> cities) {
    public static final Demographics ANYONE = new Demographics(null, null, Set.of(), Set.of());

    public Demographics {
        genders = genders.stream().map(g -> g.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        cities = cities.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** From {@code --age 25-34} (or {@code 25-} or {@code -34}), {@code --gender F,M} and {@code --city Beijing}. */
    public static Demographics parse(String age, List<String> genders, List<String> cities) {
        Integer min = null;
        Integer max = null;
        if (age != null && !age.isBlank()) {
            String[] range = age.trim().split("-", -1);
            try {
                if (range.length == 1) {
                    min = max = Integer.parseInt(range[0]);
                } else if (range.length == 2) {
                    min = range[0].isBlank() ? null : Integer.parseInt(range[0].trim());
                    max = range[1].isBlank() ? null : Integer.parseInt(range[1].trim());
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new InvalidSetting("age", "'" + age + "' must be an age or a range such as 25-34, 25- or -34");
            }
            if (min != null && max != null && min > max) {
                throw new InvalidSetting("age", "'" + age + "' is an empty range");
            }
        }
        return new Demographics(min, max, Set.copyOf(genders), Set.copyOf(cities));
    }

    public boolean isAnyone() {
        return minAge == null && maxAge == null && genders.isEmpty() && cities.isEmpty();
    }

    boolean keeps(UserAttributes.Person p) {
        if (isAnyone()) {
            return true;
        }
        if (p == null) {
            return false;
        }
        if ((minAge != null || maxAge != null) && (p.age() == null
                || (minAge != null && p.age() < minAge) || (maxAge != null && p.age() > maxAge))) {
            return false;
        }
        if (!genders.isEmpty() && (p.gender() == null || !genders.contains(p.gender().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        return cities.isEmpty() || (p.city() != null && cities.contains(p.city().toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (minAge != null || maxAge != null) {
            s.append("age ").append(minAge == null ? "" : minAge).append('-').append(maxAge == null ? "" : maxAge);
        }
        if (!genders.isEmpty()) {
            s.append(s.length() == 0 ? "" : ", ").append("gender ").append(String.join("/", genders));
        }
        if (!cities.isEmpty()) {
            s.append(s.length() == 0 ? "" : ", ").append("city ").append(String.join("/", cities));
        }
        return s.length() == 0 ? "anyone" : s.toString();
    }
}
