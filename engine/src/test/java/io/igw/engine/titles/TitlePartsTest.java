package io.igw.engine.titles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a new title must keep and may show, in both scripts, and the category template. */
class TitlePartsTest {
    private static final Set<String> LEXICON = Set.of("waterproof", "cushioned", "official", "clearance", "防水", "透气", "官方", "清仓");

    private static Listing item(long id, String title, String brand, String... attributes) {
        return new Listing(id, title, 101, brand, 50, List.of(attributes), 0, 0);
    }

    @Test
    void anEnglishTitleKeepsItsBrandAndNounAndShowsOnlyItsAttributes() {
        Listing l = item(1, "Decathlon cushioned trail vest", "Decathlon", "cushioned", "waterproof", "official");
        TitleParts p = TitleParts.of(l, LEXICON);
        assertEquals("Decathlon", p.brand());
        assertEquals("trail vest", p.noun());
        assertNull(p.check("Decathlon official waterproof trail vest"));
        assertNull(p.check("Decathlon waterproof cushioned trail vest"));
        assertNotNull(p.check("Anta waterproof trail vest"), "another brand");
        assertNotNull(p.check("Decathlon waterproof vest"), "the noun cut");
        assertNotNull(p.check("Decathlon clearance trail vest"), "a claim the item does not have");
        assertNotNull(p.check("Decathlon waterproof waterproof trail vest"), "a word twice");
        assertEquals(List.of("+waterproof", "-cushioned"), p.changes(l.title(), "Decathlon waterproof trail vest"));
    }

    @Test
    void aChineseTitleKeepsItsNounWhateverWordsAreJoinedToIt() {
        Listing l = item(2, "Salomon 官方 防水登山鞋", "Salomon", "防水", "透气", "官方");
        TitleParts p = TitleParts.of(l, LEXICON);
        assertEquals("登山鞋", p.noun());
        assertNull(p.check("Salomon 防水透气登山鞋"));
        assertNull(p.check("Salomon 官方 透气防水登山鞋"));
        assertNotNull(p.check("Salomon 清仓 防水登山鞋"), "清仓 is not among its attributes");
        assertNotNull(p.check("Salomon 防水登山"), "the noun cut");
    }

    @Test
    void tokensAreWordsAndHanCharactersWithSpacesBetweenParts() {
        List<String> t = TitleTokens.split("Salomon 官方 防水登山鞋");
        assertEquals(List.of("Salomon", "▁", "官", "方", "▁", "防", "水", "登", "山", "鞋"), t);
        assertEquals("Salomon 官方 防水登山鞋", TitleTokens.join(t));
        assertEquals("Decathlon waterproof trail vest", TitleTokens.join(TitleTokens.split("Decathlon waterproof trail vest")));
    }

    @Test
    void theTemplateSlotsAttributesIntoTheCategorysCommonestPattern() {
        List<Listing> shop = List.of(
                item(1, "Anta cushioned trail vest", "Anta", "cushioned", "waterproof"),
                item(2, "Anta waterproof trail vest", "Anta", "waterproof", "cushioned"),
                item(3, "Nike official cushioned trail vest", "Nike", "cushioned", "official"),
                item(4, "Nike trail vest", "Nike", "waterproof", "official"));
        TemplateTitles template = new TemplateTitles(shop, l -> TitleParts.of(l, LEXICON));
        assertEquals("Nike waterproof trail vest", template.title(shop.get(3)), "brand, one word, noun");
    }

    @Test
    void whateverTheDecoderDrawsThePiecesKeepTheRules() {
        Listing en = item(1, "Decathlon cushioned trail vest", "Decathlon", "cushioned", "waterproof", "official");
        Listing zh = item(2, "Salomon 官方 防水登山鞋", "Salomon", "防水", "透气", "官方");
        TitleTokens vocabulary = TitleTokens.of(List.of(en, zh));
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        for (Listing l : List.of(en, zh)) {
            TitleParts parts = TitleParts.of(l, LEXICON);
            Set<String> seen = new java.util.HashSet<>();
            for (int n = 0; n < 300; n++) {
                TitlePieces rules = new TitlePieces(parts, vocabulary);
                List<String> written = new java.util.ArrayList<>();
                for (int step = 0; step < 40; step++) {
                    java.util.BitSet allowed = rules.allowed();
                    int[] ids = allowed.stream().toArray();
                    int token = ids[random.nextInt(ids.length)];
                    rules.take(token);
                    if (vocabulary.token(token).equals(TitleTokens.END)) {
                        break;
                    }
                    written.add(vocabulary.token(token));
                }
                String title = TitleTokens.join(written);
                assertNull(parts.check(title), title);
                seen.add(title);
            }
            assertTrue(seen.size() >= 10, "many titles are possible: " + seen);
        }
    }

    @Test
    void eachItemsSamplesAreMeasuredAgainstTheirOwnMean() {
        float[] a = TitleGenerator.advantages(new float[]{1, 3, 10, 10}, 2);
        assertEquals(-a[1], a[0], 1e-6);
        assertTrue(a[0] < 0 && a[1] > 0);
        assertEquals(0, a[2], 1e-6);
    }
}
