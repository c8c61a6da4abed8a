package io.igw.engine.targeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identifiers as ad platforms match them: normalised the way their upload guides ask (Google Customer Match, Meta
 * custom audiences, Tencent and Alibaba DMPs), then SHA-256-hashed as lower-case hex. An e-mail address is trimmed
 * and lower-cased; a phone number becomes its digits with the country code (a leading {@code +} or {@code 00} dropped,
 * a mainland-China mobile number of 11 digits given its {@code 86}); any other id is trimmed and lower-cased. A
 * platform hashing the same person's address or number the same way gets the same hash, which is what matching needs.
 */
public final class AdIdentifiers {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Digits with the separators people type: spaces, dashes, dots, brackets; a leading + or 00 for the country. */
    private static final Pattern PHONE = Pattern.compile("\\(?\\+?[0-9(][0-9 .()\\-]{6,22}[0-9]");
    private static final Pattern CHINA_MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern CHINA_MOBILE_WITH_CODE = Pattern.compile("861[3-9][0-9]{9}");

    private AdIdentifiers() {
    }

    /** What kind of identifier a text looks like. */
    public enum Kind { EMAIL, PHONE, ID }

    public static Kind kindOf(String raw) {
        String t = raw.strip();
        if (EMAIL.matcher(t).matches()) {
            return Kind.EMAIL;
        }
        if (!PHONE.matcher(t).matches()) {
            return Kind.ID;
        }
        String digits = t.replaceAll("[^0-9]", "");
        boolean international = international(t) || digits.startsWith("00");
        boolean written = !t.equals(digits) && !international; // separators: typed as a phone number
        return international || written || CHINA_MOBILE.matcher(digits).matches()
                || CHINA_MOBILE_WITH_CODE.matcher(digits).matches() ? Kind.PHONE : Kind.ID;
    }

    /** The identifier as a platform expects it before hashing. */
    public static String normalise(String raw) {
        String t = raw.strip();
        return switch (kindOf(t)) {
            case EMAIL -> t.toLowerCase(Locale.ROOT);
            case PHONE -> phoneDigits(t);
            case ID -> t.toLowerCase(Locale.ROOT);
        };
    }

    private static String phoneDigits(String t) {
        String digits = t.replaceAll("[^0-9]", "");
        if (international(t)) {
            return digits;
        }
        if (digits.startsWith("00")) {
            return digits.substring(2);
        }
        if (CHINA_MOBILE.matcher(digits).matches()) {
            return "86" + digits;
        }
        return digits.replaceFirst("^0+", "");
    }

    /** Written with a leading + (possibly in brackets): the country code follows. */
    private static boolean international(String t) {
        return t.replaceFirst("^\\(", "").startsWith("+");
    }

    /** The SHA-256 of the normalised identifier, as lower-case hex: what an audience file carries. */
    public static String hashed(String raw) {
        return sha256(normalise(raw));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
