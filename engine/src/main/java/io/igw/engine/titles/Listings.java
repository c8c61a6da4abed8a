package io.igw.engine.titles;

import io.igw.engine.activity.ActivityLog;
import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The shop's titled items with their views and conversions, read from the catalogue and the activity log; and the
 * shop's vocabulary of attribute words and brands, which the constraints on generated titles check against.
 */
final class Listings {
    private final Map<Long, Listing> byId;
    private final Set<String> lexicon;
    private final Set<String> brands;

    private Listings(Map<Long, Listing> byId) {
        this.byId = byId;
        Set<String> words = new HashSet<>();
        Set<String> b = new HashSet<>();
        for (Listing l : byId.values()) {
            l.attributes().forEach(a -> words.add(a.toLowerCase(Locale.ROOT)));
            if (l.brand() != null) {
                b.add(l.brand().toLowerCase(Locale.ROOT));
            }
        }
        lexicon = Set.copyOf(words);
        brands = Set.copyOf(b);
    }

    /** Every item with a title and a category, with each one's views and conversions over the whole log. */
    static Listings load(Workspace workspace, ActivityLog log) {
        return read(workspace).counted(log, u -> true);
    }

    static Listings read(Workspace workspace) {
        Map<Long, Listing> out = new LinkedHashMap<>();
        for (io.igw.storage.catalog.ItemListings.Row r : io.igw.storage.catalog.ItemListings.read(workspace)) {
            out.put(r.itemId(), new Listing(r.itemId(), r.title(), r.categoryId(), r.brand(), r.price(), r.attributes(), 0, 0));
        }
        return new Listings(out);
    }

    /**
     * The same listings with views and conversions counted over the users {@code users} accepts (an audience, or
     * everyone). A conversion is a cart, or in logs without carts a purchase.
     */
    Listings counted(ActivityLog log, IntPredicate users) {
        boolean carts = false;
        for (int e = 0; e < log.events() && !carts; e++) {
            carts = log.behaviour(e) == Behaviour.CART.code();
        }
        byte conversion = carts ? Behaviour.CART.code() : Behaviour.BUY.code();
        Map<Long, int[]> counts = new HashMap<>();
        for (int u = 0; u < log.users(); u++) {
            if (!users.test(u)) {
                continue;
            }
            for (int e = log.start(u); e < log.end(u); e++) {
                byte b = log.behaviour(e);
                if (b == Behaviour.VIEW.code() || b == conversion) {
                    int[] c = counts.computeIfAbsent(log.facets().itemId(log.item(e)), k -> new int[2]);
                    c[b == Behaviour.VIEW.code() ? 0 : 1]++;
                }
            }
        }
        Map<Long, Listing> out = new LinkedHashMap<>();
        byId.forEach((id, l) -> {
            int[] c = counts.getOrDefault(id, new int[2]);
            out.put(id, l.withCounts(c[0], Math.min(c[0], c[1])));
        });
        return new Listings(out);
    }

    Listing get(long id) {
        return byId.get(id);
    }

    List<Listing> all() {
        return new ArrayList<>(byId.values());
    }

    int size() {
        return byId.size();
    }

    /** The shop's attribute words, lower-cased. */
    Set<String> lexicon() {
        return lexicon;
    }

    /** The shop's brands, lower-cased. */
    Set<String> brands() {
        return brands;
    }

    long views() {
        return byId.values().stream().mapToLong(Listing::views).sum();
    }
}
