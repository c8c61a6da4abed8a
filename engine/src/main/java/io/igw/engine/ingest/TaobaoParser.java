package io.igw.engine.ingest;

import io.igw.storage.Behaviour;
import io.igw.storage.events.EventRow;
import io.igw.storage.events.OptionalColumn;
import java.util.EnumSet;
import java.util.Set;

/** Taobao UserBehavior: {@code user,item,category,pv|cart|fav|buy,unix_seconds}, no header. */
final class TaobaoParser implements EventLineParser {
    private final FieldRules rules = new FieldRules();

    @Override
    public char delimiter() {
        return ',';
    }

    @Override
    public boolean quoting() {
        return true;
    }

    @Override
    public boolean hasHeader() {
        return false;
    }

    @Override
    public Set<OptionalColumn> optionalColumns() {
        return EnumSet.of(OptionalColumn.CATEGORY_ID);
    }

    @Override
    public String parse(CsvRecordReader r, EventRow row) {
        String bad = rules.fieldCount(r, 5);
        if (bad != null) {
            return bad;
        }
        if ((bad = rules.id(r, 0, "user_id")) != null) {
            return bad;
        }
        row.userId = rules.value;
        if ((bad = rules.id(r, 1, "item_id")) != null) {
            return bad;
        }
        row.itemId = rules.value;
        if ((bad = rules.id(r, 2, "category_id")) != null) {
            return bad;
        }
        row.categoryId = rules.value;
        if (r.fieldEquals(3, "pv")) {
            row.behaviour = Behaviour.VIEW.code();
        } else if (r.fieldEquals(3, "buy")) {
            row.behaviour = Behaviour.BUY.code();
        } else if (r.fieldEquals(3, "cart")) {
            row.behaviour = Behaviour.CART.code();
        } else if (r.fieldEquals(3, "fav")) {
            row.behaviour = Behaviour.FAV.code();
        } else {
            return FieldRules.unknownBehaviour(r, 3);
        }
        if ((bad = rules.epoch(r, 4, "timestamp", false)) != null) {
            return bad;
        }
        row.eventTime = rules.value;
        return null;
    }
}
