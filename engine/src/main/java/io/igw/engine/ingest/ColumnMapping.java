package io.igw.engine.ingest;

import io.igw.storage.Behaviour;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column holds which part of an event, for files with a header. Written as a spec such as
 * {@code user=visitorid,item=sku,behaviour=action,time=ts,time_unit=ms,behaviour.buy=order|purchase}; a column is a
 * header name (any case) or {@code #N}, counted from 1. Roles the spec leaves out are guessed from common header
 * names.
 */
public final class ColumnMapping {
    /** The parts of an event a column can hold. */
    public enum Role {
        USER(true, "user_id", "userid", "user", "visitorid", "visitor_id", "customer_id", "customerid", "uid"),
        ITEM(true, "item_id", "itemid", "item", "product_id", "productid", "product", "sku", "movieid", "movie_id"),
        BEHAVIOUR(false, "behaviour", "behavior", "behavior_type", "event", "event_type", "action", "type"),
        TIME(true, "timestamp", "time", "ts", "event_time", "datetime", "date", "created_at"),
        CATEGORY(false, "category_id", "categoryid", "category", "cat_id", "cat"),
        SESSION(false, "session_id", "sessionid", "session", "transactionid", "transaction_id", "order_id", "orderid"),
        QUANTITY(false, "quantity", "qty", "amount"),
        STRENGTH(false, "rating", "score", "strength", "weight");

        final boolean required;
        final List<String> aliases;

        Role(boolean required, String... aliases) {
            this.required = required;
            this.aliases = List.of(aliases);
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<String, Behaviour> DEFAULT_WORDS = new LinkedHashMap<>();

    static {
        for (String w : List.of("view", "pv", "click", "pageview", "page_view", "detail", "visit")) {
            DEFAULT_WORDS.put(w, Behaviour.VIEW);
        }
        for (String w : List.of("fav", "favorite", "favourite", "wishlist", "like", "collect")) {
            DEFAULT_WORDS.put(w, Behaviour.FAV);
        }
        for (String w : List.of("cart", "addtocart", "add_to_cart", "add-to-cart", "basket")) {
            DEFAULT_WORDS.put(w, Behaviour.CART);
        }
        for (String w : List.of("buy", "purchase", "order", "transaction", "checkout")) {
            DEFAULT_WORDS.put(w, Behaviour.BUY);
        }
        for (String w : List.of("rate", "rating", "review")) {
            DEFAULT_WORDS.put(w, Behaviour.RATE);
        }
    }

    private final Map<Role, String> columns = new EnumMap<>(Role.class);
    private final Map<String, Behaviour> words = new LinkedHashMap<>(DEFAULT_WORDS);
    private FieldRules.TimeUnitChoice timeUnit = FieldRules.TimeUnitChoice.AUTO;
    private Behaviour fixedBehaviour;
    private char delimiter = ',';
    private final String spec;

    private ColumnMapping(String spec) {
        this.spec = spec == null ? "" : spec.trim();
    }

    /** Parses a mapping spec; an empty or null spec guesses everything from the header. */
    public static ColumnMapping parse(String spec) {
        ColumnMapping m = new ColumnMapping(spec);
        if (m.spec.isEmpty()) {
            return m;
        }
        for (String part : m.spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new ImportException("Mapping entry '" + p + "' is not key=value.");
            }
            String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim();
            m.apply(key, value);
        }
        return m;
    }

    private void apply(String key, String value) {
        if (key.startsWith("behaviour.") || key.startsWith("behavior.")) {
            Behaviour b = Behaviour.ofLabel(key.substring(key.indexOf('.') + 1)).orElseThrow(() -> new ImportException(
                    "Mapping '" + key + "' names no behaviour; use view, fav, cart, buy or rate."));
            for (String w : value.split("\\|")) {
                words.put(w.trim().toLowerCase(Locale.ROOT), b);
            }
            return;
        }
        switch (key) {
            case "time_unit" -> timeUnit = switch (value.toLowerCase(Locale.ROOT)) {
                case "s", "seconds" -> FieldRules.TimeUnitChoice.SECONDS;
                case "ms", "millis", "milliseconds" -> FieldRules.TimeUnitChoice.MILLISECONDS;
                case "iso" -> FieldRules.TimeUnitChoice.ISO;
                case "auto" -> FieldRules.TimeUnitChoice.AUTO;
                default -> throw new ImportException("time_unit '" + value + "' must be s, ms, iso or auto.");
            };
            case "delimiter" -> delimiter = switch (value.toLowerCase(Locale.ROOT)) {
                case "comma" -> ',';
                case "tab" -> '\t';
                case "semicolon" -> ';';
                case "pipe" -> '|';
                default -> throw new ImportException("delimiter '" + value + "' must be comma, tab, semicolon or pipe.");
            };
            case "default_behaviour", "default_behavior" -> fixedBehaviour = Behaviour.ofLabel(value.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new ImportException("default_behaviour '" + value + "' must be view, fav, cart, buy or rate."));
            default -> {
                Role role = roleOf(key);
                columns.put(role, value);
            }
        }
    }

    private static Role roleOf(String key) {
        for (Role r : Role.values()) {
            if (r.key().equals(key) || (r == Role.BEHAVIOUR && key.equals("behavior"))) {
                return r;
            }
        }
        throw new ImportException("Unknown mapping key '" + key + "': use user, item, behaviour, time, category, "
                + "session, quantity, strength, time_unit, delimiter, default_behaviour or behaviour.<name>.");
    }

    ColumnMapping withFixedBehaviour(Behaviour b) {
        fixedBehaviour = b;
        return this;
    }

    ColumnMapping withTimeUnit(FieldRules.TimeUnitChoice unit) {
        timeUnit = unit;
        return this;
    }

    /** Accepts exactly these behaviour words, as a known format defines them, and no synonyms. */
    ColumnMapping onlyWords(Map<String, Behaviour> exact) {
        words.clear();
        words.putAll(exact);
        return this;
    }

    public char delimiter() {
        return delimiter;
    }

    FieldRules.TimeUnitChoice timeUnit() {
        return timeUnit;
    }

    Behaviour fixedBehaviour() {
        return fixedBehaviour;
    }

    Behaviour behaviourOf(String word) {
        return words.get(word.trim().toLowerCase(Locale.ROOT));
    }

    /** The column index of each role in this header (-1 when absent); fails when a required role is missing. */
    public Map<Role, Integer> resolve(List<String> header) {
        List<String> names = new ArrayList<>();
        for (String h : header) {
            names.add(h.trim().toLowerCase(Locale.ROOT));
        }
        Map<Role, Integer> at = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String wanted = columns.get(role);
            int index = -1;
            if (wanted != null) {
                index = indexOf(names, wanted);
                if (index < 0) {
                    throw new ImportException("Mapping names column '" + wanted + "' for " + role.key()
                            + ", but the header has only: " + String.join(", ", header) + ".");
                }
            } else {
                for (String alias : role.aliases) {
                    index = names.indexOf(alias);
                    if (index >= 0) {
                        break;
                    }
                }
            }
            boolean needed = role.required || (role == Role.BEHAVIOUR && fixedBehaviour == null);
            if (index < 0 && needed) {
                throw new ImportException("No " + role.key() + " column: the header has " + String.join(", ", header)
                        + "; name its column in the mapping (" + role.key() + "=COLUMN).");
            }
            at.put(role, index);
        }
        return at;
    }

    /** The header column a role would be found in by its usual names, or -1; the import dialog's first guess. */
    public static int guess(Role role, List<String> header) {
        for (String alias : role.aliases) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(alias)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int indexOf(List<String> names, String wanted) {
        if (wanted.startsWith("#")) {
            try {
                int i = Integer.parseInt(wanted.substring(1)) - 1;
                return i >= 0 && i < names.size() ? i : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return names.indexOf(wanted.toLowerCase(Locale.ROOT));
    }

    /** The spec as given, for the dataset's record of its options. */
    public String spec() {
        return spec;
    }
}
