package io.igw.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Invisible characters that change how text reads are removed before text is shown, and a hidden formula is caught. */
class SafeTextTest {
    @Test
    void directionOverridesAndZeroWidthSpacesAreRemovedJoinersKept() {
        assertEquals("evilgnp.exe", SafeText.shown("evil\u202Egnp.exe"));
        assertEquals("isolated", SafeText.shown("\u2066isolated\u2069"));
        assertEquals("zerowidth", SafeText.shown("zero\u200Bwidth\uFEFF"));
        assertEquals("a b\tc\nd", SafeText.shown("a\u0007b\tc\nd"));
        assertEquals("👩\u200D💻 and क\u200Cष", SafeText.shown("👩\u200D💻 and क\u200Cष"));
        String plain = "挂耳咖啡 drip coffee";
        assertSame(plain, SafeText.shown(plain), "clean text is not copied");
        assertEquals("", SafeText.shown(null));
    }

    @Test
    void aFormulaBehindAnInvisibleCharacterIsStillNeutralised() {
        assertEquals("'=cmd|' /C calc'!A0", CsvCell.safe("\u202E=cmd|' /C calc'!A0"));
        assertEquals("'+1", CsvCell.safe("\u200B+1"));
        assertEquals("\"a, b\"", CsvCell.safe("a,\u200F b"));
    }
}
