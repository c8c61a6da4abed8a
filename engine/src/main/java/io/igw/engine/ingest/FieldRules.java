package io.igw.engine.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The checks every format shares. Each returns null when the field is good (leaving the value in {@link #value})
 * and otherwise the reject reason naming the field.
 */
final class FieldRules {
    long value;
    double number;

    String fieldCount(CsvRecordReader r, int expected) {
        if (r.fieldCount() != expected) {
            return RejectReason.of(RejectReason.WRONG_FIELD_COUNT, "expected " + expected + ", found " + r.fieldCount());
        }
        return null;
    }

    String fieldCountAtLeast(CsvRecordReader r, int needed) {
        if (r.fieldCount() < needed) {
            return RejectReason.of(RejectReason.WRONG_FIELD_COUNT, "expected " + needed + ", found " + r.fieldCount());
        }
        return null;
    }

    String id(CsvRecordReader r, int field, String name) {
        long v = r.unsignedLong(field);
        if (v >= 0) {
            value = v;
            return null;
        }
        if (r.isEmpty(field)) {
            return RejectReason.of(RejectReason.EMPTY_FIELD, name);
        }
        return RejectReason.of(RejectReason.NON_NUMERIC_ID, name + " '" + clip(r.field(field)) + "'");
    }

    /** Unix time in seconds or, with {@code millis}, milliseconds. */
    String epoch(CsvRecordReader r, int field, String name, boolean millis) {
        long v = r.unsignedLong(field);
        if (v < 0) {
            if (r.isEmpty(field)) {
                return RejectReason.of(RejectReason.EMPTY_FIELD, name);
            }
            return RejectReason.of(RejectReason.IMPLAUSIBLE_TIME, name + " '" + clip(r.field(field)) + "' is not a unix time");
        }
        return plausible(millis ? Math.floorDiv(v, 1000L) : v, r.field(field), name);
    }

    /** A unix time in seconds or milliseconds (told apart by size), or an ISO-8601 date-time. */
    String anyTime(CsvRecordReader r, int field, String name, TimeUnitChoice unit) {
        if (r.isEmpty(field)) {
            return RejectReason.of(RejectReason.EMPTY_FIELD, name);
        }
        long v = r.unsignedLong(field);
        if (v >= 0 && unit != TimeUnitChoice.ISO) {
            boolean millis = unit == TimeUnitChoice.MILLISECONDS || (unit == TimeUnitChoice.AUTO && v > 100_000_000_000L);
            return plausible(millis ? v / 1000L : v, r.field(field), name);
        }
        String text = r.field(field);
        Long seconds = parseIso(text);
        if (seconds == null) {
            return RejectReason.of(RejectReason.IMPLAUSIBLE_TIME, name + " '" + clip(text) + "' is not a time");
        }
        return plausible(seconds, text, name);
    }

    private String plausible(long seconds, String text, String name) {
        if (!PlausibleTime.contains(seconds)) {
            return RejectReason.of(RejectReason.IMPLAUSIBLE_TIME, name + " " + clip(text) + " is outside "
                    + PlausibleTime.describeRange());
        }
        value = seconds;
        return null;
    }

    static Long parseIso(String text) {
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            if (t.endsWith("Z")) {
                return Instant.parse(t).getEpochSecond();
            }
            if (t.length() > 19 && (t.charAt(19) == '+' || t.charAt(19) == '-' || t.lastIndexOf('+') > 10)) {
                return OffsetDateTime.parse(t.replace(' ', 'T')).toEpochSecond();
            }
            return LocalDateTime.parse(t.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A decimal number in [min, max]. */
    String number(CsvRecordReader r, int field, String name, double min, double max) {
        if (r.isEmpty(field)) {
            return RejectReason.of(RejectReason.EMPTY_FIELD, name);
        }
        String text = r.field(field);
        try {
            double d = Double.parseDouble(text);
            if (Double.isNaN(d) || d < min || d > max) {
                return RejectReason.of(RejectReason.BAD_NUMBER, name + " " + clip(text) + " is outside " + min + ".." + max);
            }
            number = d;
            return null;
        } catch (NumberFormatException e) {
            return RejectReason.of(RejectReason.BAD_NUMBER, name + " '" + clip(text) + "' is not a number");
        }
    }

    static String unknownBehaviour(CsvRecordReader r, int field) {
        if (r.isEmpty(field)) {
            return RejectReason.of(RejectReason.EMPTY_FIELD, "behaviour");
        }
        return RejectReason.of(RejectReason.UNKNOWN_BEHAVIOUR, "'" + clip(r.field(field)) + "'");
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    enum TimeUnitChoice { AUTO, SECONDS, MILLISECONDS, ISO }
}
