package io.igw.engine.titles;

import java.util.List;

/**
 * One item as a listing: its title, category, brand and price, what is true of it beyond its title
 * ({@code attributes}), and how its title did — views, and views that led to a cart (or a purchase).
 */
record Listing(long id, String title, long category, String brand, double price, List<String> attributes,
               int views, int conversions) {
    Listing withCounts(int views, int conversions) {
        return new Listing(id, title, category, brand, price, attributes, views, conversions);
    }
}
