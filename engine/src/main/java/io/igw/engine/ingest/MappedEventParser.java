package io.igw.engine.ingest;

import io.igw.storage.Behaviour;
import io.igw.storage.events.EventRow;
import io.igw.storage.events.OptionalColumn;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses files whose columns are found through a {@link ColumnMapping}: RetailRocket, MovieLens and generic
 * files. Without a header, the mapping's columns are positions ({@code #1}, {@code #2} …).
 */
final class MappedEventParser implements EventLineParser {
    private final ColumnMapping mapping;
    private final boolean hasHeader;
    private final boolean quoting;
    private final FieldRules rules = new FieldRules();
    private int user;
    private int item;
    private int behaviour;
    private int time;
    private int category;
    private int session;
    private int quantity;
    private int strength;
    private int expectedFields;

    MappedEventParser(ColumnMapping mapping, boolean hasHeader, boolean quoting) {
        this.mapping = mapping;
        this.hasHeader = hasHeader;
        this.quoting = quoting;
    }

    /** For headerless files: the columns in order, as header names the mapping refers to. */
    MappedEventParser positional(List<String> columnNames) {
        bind(mapping.resolve(columnNames), columnNames.size());
        return this;
    }

    @Override
    public char delimiter() {
        return mapping.delimiter();
    }

    @Override
    public boolean quoting() {
        return quoting;
    }

    @Override
    public boolean hasHeader() {
        return hasHeader;
    }

    @Override
    public void header(CsvRecordReader header) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.fieldCount(); i++) {
            names.add(header.field(i));
        }
        bind(mapping.resolve(names), names.size());
    }

    private void bind(Map<ColumnMapping.Role, Integer> at, int fields) {
        user = at.get(ColumnMapping.Role.USER);
        item = at.get(ColumnMapping.Role.ITEM);
        behaviour = at.get(ColumnMapping.Role.BEHAVIOUR);
        time = at.get(ColumnMapping.Role.TIME);
        category = at.get(ColumnMapping.Role.CATEGORY);
        session = at.get(ColumnMapping.Role.SESSION);
        quantity = at.get(ColumnMapping.Role.QUANTITY);
        strength = at.get(ColumnMapping.Role.STRENGTH);
        expectedFields = fields;
    }

    @Override
    public Set<OptionalColumn> optionalColumns() {
        Set<OptionalColumn> columns = EnumSet.noneOf(OptionalColumn.class);
        if (category >= 0) {
            columns.add(OptionalColumn.CATEGORY_ID);
        }
        if (session >= 0) {
            columns.add(OptionalColumn.SESSION_ID);
        }
        if (quantity >= 0) {
            columns.add(OptionalColumn.QUANTITY);
        }
        if (strength >= 0) {
            columns.add(OptionalColumn.STRENGTH);
        }
        return columns;
    }

    @Override
    public String parse(CsvRecordReader r, EventRow row) {
        String bad = rules.fieldCount(r, expectedFields);
        if (bad != null) {
            return bad;
        }
        if ((bad = rules.id(r, user, "user_id")) != null) {
            return bad;
        }
        row.userId = rules.value;
        if ((bad = rules.id(r, item, "item_id")) != null) {
            return bad;
        }
        row.itemId = rules.value;
        if (behaviour >= 0 && !(mapping.fixedBehaviour() != null && r.isEmpty(behaviour))) {
            Behaviour b = r.isEmpty(behaviour) ? null : mapping.behaviourOf(r.field(behaviour));
            if (b == null) {
                return FieldRules.unknownBehaviour(r, behaviour);
            }
            row.behaviour = b.code();
        } else {
            row.behaviour = mapping.fixedBehaviour().code();
        }
        if ((bad = rules.anyTime(r, time, "timestamp", mapping.timeUnit())) != null) {
            return bad;
        }
        row.eventTime = rules.value;
        if (category >= 0 && !r.isEmpty(category)) {
            if ((bad = rules.id(r, category, "category_id")) != null) {
                return bad;
            }
            row.categoryId = rules.value;
        }
        if (session >= 0 && !r.isEmpty(session)) {
            String s = r.field(session);
            row.sessionId = s.length() > 200 ? s.substring(0, 200) : s;
        }
        if (quantity >= 0 && !r.isEmpty(quantity)) {
            if ((bad = rules.number(r, quantity, "quantity", 0, 1_000_000)) != null) {
                return bad;
            }
            row.quantity = (int) rules.number;
        }
        if (strength >= 0) {
            if ((bad = rules.number(r, strength, "rating", -1_000_000, 1_000_000)) != null) {
                return bad;
            }
            row.strength = (float) rules.number;
        }
        return null;
    }
}
