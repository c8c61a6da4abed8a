package io.igw.engine.ingest;

import io.igw.storage.Behaviour;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Picks the parser for a format, looking at the file's first bytes where a format has two layouts. */
final class EventParsers {
    private EventParsers() {
    }

    static EventLineParser forFormat(ImportFormat format, String mappingSpec, Path file) {
        return switch (format) {
            case TAOBAO -> new TaobaoParser();
            case RETAILROCKET -> new MappedEventParser(ColumnMapping.parse(
                    "user=visitorid,item=itemid,behaviour=event,time=timestamp,time_unit=ms,session=transactionid")
                    .onlyWords(Map.of("view", Behaviour.VIEW, "addtocart", Behaviour.CART, "transaction", Behaviour.BUY)),
                    true, true);
            case MOVIELENS -> isTabSeparated(file)
                    ? new MappedEventParser(ColumnMapping.parse("delimiter=tab,user=u,item=i,strength=r,time=t")
                        .withFixedBehaviour(Behaviour.RATE).withTimeUnit(FieldRules.TimeUnitChoice.SECONDS), false, false)
                        .positional(List.of("u", "i", "r", "t"))
                    : new MappedEventParser(ColumnMapping.parse("user=userid,item=movieid,strength=rating,time=timestamp")
                        .withFixedBehaviour(Behaviour.RATE).withTimeUnit(FieldRules.TimeUnitChoice.SECONDS), true, true);
            case GENERIC -> new MappedEventParser(ColumnMapping.parse(mappingSpec), true, true);
        };
    }

    /** MovieLens' u.data is tab-separated without a header; ratings.csv is comma-separated with one. */
    static boolean isTabSeparated(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            for (byte b : head) {
                if (b == '\t') {
                    return true;
                }
                if (b == '\n' || b == ',') {
                    return false;
                }
            }
            return false;
        } catch (IOException e) {
            throw new ImportException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
