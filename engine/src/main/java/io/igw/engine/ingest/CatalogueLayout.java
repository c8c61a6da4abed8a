package io.igw.engine.ingest;

import io.igw.storage.catalog.CatalogWriter;
import io.igw.storage.datasets.DatasetKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How a catalogue file (items, categories, users, reviews) is laid out and how each row is checked and written.
 * MovieLens' files are pipe-separated, headerless and Latin-1; every other format uses a header whose columns are
 * found by their usual names.
 */
abstract class CatalogueLayout {
    static final String[] MOVIELENS_GENRES = {"unknown", "Action", "Adventure", "Animation", "Children's", "Comedy",
        "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
        "Thriller", "War", "Western"};

    protected final FieldRules rules = new FieldRules();
    private final DatasetKind kind;
    private final char delimiter;
    private final boolean header;
    private final boolean movieLens;
    protected List<String> columns = List.of();

    CatalogueLayout(DatasetKind kind, char delimiter, boolean header, boolean movieLens) {
        this.kind = kind;
        this.delimiter = delimiter;
        this.header = header;
        this.movieLens = movieLens;
    }

    static CatalogueLayout of(DatasetKind kind, ImportFormat format) {
        boolean ml = format == ImportFormat.MOVIELENS;
        return switch (kind) {
            case ITEMS -> ml ? new MovieLensItems() : new Items();
            case CATEGORIES -> ml ? new MovieLensGenres() : new Categories();
            case USERS -> ml ? new MovieLensUsers() : new Users();
            case REVIEWS -> new Reviews();
            case EVENTS -> throw new IllegalArgumentException("events are not a catalogue");
        };
    }

    DatasetKind kind() {
        return kind;
    }

    char delimiter() {
        return delimiter;
    }

    boolean hasHeader() {
        return header;
    }

    boolean quoting() {
        return !movieLens;
    }

    boolean latin1() {
        return movieLens;
    }

    void header(CsvRecordReader r) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < r.fieldCount(); i++) {
            names.add(r.field(i).toLowerCase(Locale.ROOT));
        }
        columns = names;
    }

    /** Called once before the first row, in the catalogue's transaction. */
    void start(CatalogWriter writer) {
    }

    /**
     * Checks the current row. Returns null and sets {@code write} to what stores it, or returns the reject reason.
     */
    abstract String check(CsvRecordReader r, Consumer<Consumer<CatalogWriter>> write);

    protected int column(boolean required, String... aliases) {
        for (String a : aliases) {
            int i = columns.indexOf(a);
            if (i >= 0) {
                return i;
            }
        }
        if (required) {
            throw new ImportException("The " + kind.label() + " file's header (" + String.join(",", columns)
                    + ") has no " + aliases[0] + " column.");
        }
        return -1;
    }

    protected static String text(CsvRecordReader r, int i) {
        return i < 0 || r.isEmpty(i) ? null : r.field(i);
    }

    /**
     * The first of the named text fields (name, index, then most characters, repeated) longer than the workspace
     * keeps, as a reject reason; null when they all fit. A line is rejected whole, with the reason, rather than
     * failing the file or being cut without a word.
     */
    protected static String tooLong(CsvRecordReader r, Object... nameIndexMax) {
        for (int k = 0; k + 2 < nameIndexMax.length; k += 3) {
            int i = (Integer) nameIndexMax[k + 1];
            int max = (Integer) nameIndexMax[k + 2];
            if (i >= 0 && i < r.fieldCount() && !r.isEmpty(i) && r.field(i).length() > max) {
                return RejectReason.of(RejectReason.FIELD_TOO_LONG, String.format(Locale.ROOT, "%s has %,d characters (at most %,d)",
                        nameIndexMax[k], r.field(i).length(), max));
            }
        }
        return null;
    }

    protected String optionalId(CsvRecordReader r, int i, String name, Long[] out) {
        out[0] = null;
        if (i < 0 || r.isEmpty(i)) {
            return null;
        }
        String bad = rules.id(r, i, name);
        if (bad == null) {
            out[0] = rules.value;
        }
        return bad;
    }

    static final class Items extends CatalogueLayout {
        private int id;
        private int title;
        private int category;
        private int brand;
        private int price;
        private int attributes;

        Items() {
            super(DatasetKind.ITEMS, ',', true, false);
        }

        @Override
        void header(CsvRecordReader r) {
            super.header(r);
            id = column(true, "item_id", "itemid", "id", "movieid", "product_id");
            title = column(false, "title", "name");
            category = column(false, "category_id", "categoryid", "category");
            brand = column(false, "brand");
            price = column(false, "price");
            attributes = column(false, "attributes", "properties");
        }

        @Override
        String check(CsvRecordReader r, Consumer<Consumer<CatalogWriter>> write) {
            String bad = rules.fieldCount(r, columns.size());
            if (bad != null || (bad = rules.id(r, id, "item_id")) != null) {
                return bad;
            }
            long itemId = rules.value;
            Long[] cat = new Long[1];
            if ((bad = optionalId(r, category, "category_id", cat)) != null) {
                return bad;
            }
            BigDecimal p = null;
            if (price >= 0 && !r.isEmpty(price)) {
                if ((bad = rules.number(r, price, "price", 0, 1e11)) != null) {
                    return bad;
                }
                p = BigDecimal.valueOf(rules.number).setScale(2, java.math.RoundingMode.HALF_UP);
            }
            if ((bad = tooLong(r, "title", title, 1000, "brand", brand, 200, "attributes", attributes, 2000)) != null) {
                return bad;
            }
            String t = text(r, title);
            String b = text(r, brand);
            String a = text(r, attributes);
            BigDecimal fp = p;
            write.accept(w -> {
                w.item(itemId, t, cat[0], b, fp, a);
                if (cat[0] != null) {
                    w.itemCategory(itemId, cat[0]);
                }
            });
            return null;
        }
    }

    static final class MovieLensItems extends CatalogueLayout {
        MovieLensItems() {
            super(DatasetKind.ITEMS, '|', false, true);
        }

        @Override
        void start(CatalogWriter writer) {
            for (int g = 0; g < MOVIELENS_GENRES.length; g++) {
                writer.category(g, null, MOVIELENS_GENRES[g], null);
            }
        }

        @Override
        String check(CsvRecordReader r, Consumer<Consumer<CatalogWriter>> write) {
            String bad = rules.fieldCount(r, 5 + MOVIELENS_GENRES.length);
            if (bad != null || (bad = rules.id(r, 0, "movie_id")) != null) {
                return bad;
            }
            long itemId = rules.value;
            List<Long> genres = new ArrayList<>();
            for (int g = 0; g < MOVIELENS_GENRES.length; g++) {
                if (r.fieldEquals(5 + g, "1")) {
                    genres.add((long) g);
                } else if (!r.fieldEquals(5 + g, "0")) {
                    return RejectReason.of(RejectReason.BAD_NUMBER, "genre flag " + MOVIELENS_GENRES[g] + " '"
                            + FieldRules.clip(r.field(5 + g)) + "' is not 0 or 1");
                }
            }
            if ((bad = tooLong(r, "title", 1, 1000)) != null) {
                return bad;
            }
            String title = text(r, 1);
            write.accept(w -> {
                w.item(itemId, title, genres.isEmpty() ? null : genres.get(0), null, null);
                genres.forEach(g -> w.itemCategory(itemId, g));
            });
            return null;
        }
    }

    static final class Categories extends CatalogueLayout {
        private int id;
        private int parent;
        private int name;
        private int nameZh;

        Categories() {
            super(DatasetKind.CATEGORIES, ',', true, false);
        }

        @Override
        void header(CsvRecordReader r) {
            super.header(r);
            id = column(true, "category_id", "categoryid", "id");
            parent = column(false, "parent_id", "parentid", "parent");
            name = column(false, "name", "category_name");
            nameZh = column(false, "name_zh", "zh_name", "name_cn");
        }

        @Override
        String check(CsvRecordReader r, Consumer<Consumer<CatalogWriter>> write) {
            String bad = rules.fieldCount(r, columns.size());
            if (bad != null || (bad = rules.id(r, id, "category_id")) != null) {
                return bad;
            }
            long categoryId = rules.value;
            Long[] parentId = new Long[1];
            if ((bad = optionalId(r, parent, "parent_id", parentId)) != null) {
                return bad;
            }
            if ((bad = tooLong(r, "name", name, 200, "name_zh", nameZh, 200)) != null) {
                return bad;
            }
            String n = text(r, name);
            String zh = text(r, nameZh);
            write.accept(w -> w.category(categoryId, parentId[0], n, zh));
            return null;
        }
    }

    static final class MovieLensGenres extends CatalogueLayout {
        MovieLensGenres() {
            super(DatasetKind.CATEGORIES, '|', false, true);
        }

        @Override
        String check(CsvRecordReader r, Consumer<Consumer<CatalogWriter>> write) {
            String bad = rules.fieldCount(r, 2);
            if (bad != null || (bad = rules.id(r, 1, "genre_id")) != null) {
                return bad;
            }
            long id = rules.value;
            if ((bad = tooLong(r, "genre", 0, 200)) != null) {
                return bad;
            }
            String name = text(r, 0);
            write.accept(w -> w.category(id, null, name, null));
            return null;
        }
    }

    static final class Users extends CatalogueLayout {
        private int id;
        private int age;
        private int gender;
        private int city;
        private int occupation;
        private int postcode;

        Users() {
            super(DatasetKind.USERS, ',', true, false);
        }

        @Override
        void header(CsvRecordReader r) {
            super.header(r);
            id = column(true, "user_id", "userid", "id", "visitorid");
            age = column(false, "age");
            gender = column(false, "gender", "sex");
            city = column(false, "city", "location");
            occupation = column(false, "occupation", "job");
            postcode = column(false, "postcode", "zip", "zipcode", "zip_code");
        }

        @Override
        String check(CsvRecordReader r, Consumer<Consumer<CatalogWriter>> write) {
            String bad = rules.fieldCount(r, columns.size());
            if (bad != null) {
                return bad;
            }
            return user(r, id, age, gender, city, occupation, postcode, write);
        }

        String user(CsvRecordReader r, int id, int age, int gender, int city, int occupation, int postcode,
                    Consumer<Consumer<CatalogWriter>> write) {
            String bad = rules.id(r, id, "user_id");
            if (bad != null) {
                return bad;
            }
            long userId = rules.value;
            Integer a = null;
            if (age >= 0 && !r.isEmpty(age)) {
                if ((bad = rules.number(r, age, "age", 0, 130)) != null) {
                    return bad;
                }
                a = (int) rules.number;
            }
            Integer fa = a;
            if ((bad = tooLong(r, "gender", gender, 16, "city", city, 200, "occupation", occupation, 100, "postcode", postcode, 20)) != null) {
                return bad;
            }
            String g = text(r, gender);
            String c = text(r, city);
            String o = text(r, occupation);
            String p = text(r, postcode);
            write.accept(w -> w.user(userId, fa, g, c, o, p));
            return null;
        }
    }

    static final class MovieLensUsers extends CatalogueLayout {
        private final Users users = new Users();

        MovieLensUsers() {
            super(DatasetKind.USERS, '|', false, true);
        }

        @Override
        String check(CsvRecordReader r, Consumer<Consumer<CatalogWriter>> write) {
            String bad = rules.fieldCount(r, 5);
            return bad != null ? bad : users.user(r, 0, 1, 2, -1, 3, 4, write);
        }
    }

    static final class Reviews extends CatalogueLayout {
        private int user;
        private int item;
        private int rating;
        private int text;
        private int time;

        Reviews() {
            super(DatasetKind.REVIEWS, ',', true, false);
        }

        @Override
        void header(CsvRecordReader r) {
            super.header(r);
            user = column(true, "user_id", "userid", "user");
            item = column(true, "item_id", "itemid", "item", "movieid", "product_id");
            rating = column(false, "rating", "score", "stars");
            text = column(false, "text", "review", "comment", "content", "body");
            time = column(false, "timestamp", "time", "review_time", "date");
        }

        @Override
        String check(CsvRecordReader r, Consumer<Consumer<CatalogWriter>> write) {
            String bad = rules.fieldCount(r, columns.size());
            if (bad != null || (bad = rules.id(r, user, "user_id")) != null) {
                return bad;
            }
            long userId = rules.value;
            if ((bad = rules.id(r, item, "item_id")) != null) {
                return bad;
            }
            long itemId = rules.value;
            Float stars = null;
            if (rating >= 0 && !r.isEmpty(rating)) {
                if ((bad = rules.number(r, rating, "rating", 0, 10)) != null) {
                    return bad;
                }
                stars = (float) rules.number;
            }
            Long when = null;
            if (time >= 0 && !r.isEmpty(time)) {
                if ((bad = rules.anyTime(r, time, "timestamp", FieldRules.TimeUnitChoice.AUTO)) != null) {
                    return bad;
                }
                when = rules.value;
            }
            if ((bad = tooLong(r, "text", text, 20_000)) != null) {
                return bad;
            }
            String body = text(r, text);
            Float fs = stars;
            Long fw = when;
            write.accept(w -> w.review(userId, itemId, fs, body, fw));
            return null;
        }
    }
}
