package io.igw.engine.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagsTest {
    private final TitleTokenizer tokenizer = new TitleTokenizer();

    @Test
    void englishTitlesLoseStopWordsNumbersAndSizes() {
        assertEquals(List.of("altra", "lightweight", "trail", "running", "shoes"),
                tokenizer.tokens("Altra Lightweight Trail Running Shoes, size 42 - the BEST!"));
        assertEquals(List.of("usb", "cable", "fast", "charging"), tokenizer.tokens("USB-C cable (fast-charging) x 2"));
    }

    @Test
    void chineseRunsAreSegmentedIntoWordsAndStopWordsDropped() {
        List<String> tokens = tokenizer.tokens("Xiaomi 无线降噪蓝牙耳机，非常好的");
        assertEquals("xiaomi", tokens.get(0));
        assertTrue(tokens.containsAll(List.of("无线", "降噪", "蓝牙", "耳机")), tokens.toString());
        assertFalse(tokens.contains("的") || tokens.contains("非常"), tokens.toString());
    }

    @Test
    void loadingTheChineseDictionaryWritesNothingToStandardOutput() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            tokenizer.tokens("轻量越野跑鞋");
        } finally {
            System.setOut(out);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "stdout carries the CLI's JSON");
    }

    @Test
    void sampleDataItemsGetTheirProductWordsAsTags() throws Exception {
        Map<Long, String> titles = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of("..", "sample-data", "items.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            titles.put(Long.parseLong(f[0]), f[1]);
        }
        Map<Long, List<TagExtractor.Tag>> tags = new TagExtractor(6, 2, 0.2).extract(titles);

        long checked = 0;
        for (Map.Entry<Long, String> item : titles.entrySet()) {
            List<String> terms = tags.get(item.getKey()).stream().map(TagExtractor.Tag::term).toList();
            if (item.getValue().endsWith("trail running shoes")) {
                assertTrue(terms.containsAll(List.of("trail", "running", "shoes")), item.getValue() + " -> " + terms);
                checked++;
            }
            for (String t : terms) {
                assertFalse(t.equals("the") || t.chars().allMatch(Character::isDigit), item.getValue() + " -> " + terms);
            }
        }
        assertTrue(checked >= 5, "trail running shoes in the sample catalogue: " + checked);
        assertEquals(1.0, tags.values().stream().filter(l -> !l.isEmpty()).findFirst().orElseThrow().get(0).weight(), 1e-9);
    }

    @Test
    void theCataloguesCompoundsBecomeOneTagAndLooseAdjectivesStayApart() {
        List<String> titles = List.of("Bestore 进口挂耳咖啡", "Nongfu 精选挂耳咖啡", "Yili 新鲜挂耳咖啡",
                "Altra 轻量越野跑鞋", "Salomon 防水越野跑鞋", "Anta 防水登山鞋", "Decathlon 轻量登山鞋",
                "Li-Ning 防水徒步背包", "Anta 轻量徒步背包", "Altra 防水冲锋衣");
        CataloguePhrases phrases = CataloguePhrases.learn(titles, 2);
        assertTrue(tokenizer.tokens("进口挂耳咖啡").contains("挂"),
                "jieba alone splits the drip bag into characters: " + tokenizer.tokens("进口挂耳咖啡"));
        TitleTokenizer joined = new TitleTokenizer(phrases);
        assertEquals(List.of("bestore", "进口", "挂耳咖啡"), joined.tokens("Bestore 进口挂耳咖啡"));
        assertTrue(joined.tokens("Salomon 防水越野跑鞋").contains("越野跑鞋"), joined.tokens("Salomon 防水越野跑鞋").toString());
        assertFalse(joined.tokens("Anta 防水登山鞋").contains("防水登山鞋"),
                "防水 comes before several nouns, so it is not part of one: " + joined.tokens("Anta 防水登山鞋"));
        assertTrue(joined.tokens("Anta 防水登山鞋").contains("防水"));

        Map<Long, String> documents = new LinkedHashMap<>();
        for (int i = 0; i < titles.size(); i++) {
            documents.put((long) i, titles.get(i));
        }
        List<String> tags = new TagExtractor(6, 2, 0.5).extract(documents).get(0L).stream().map(TagExtractor.Tag::term).toList();
        assertTrue(tags.contains("挂耳咖啡") && !tags.contains("挂") && !tags.contains("耳"), tags.toString());
        List<String> asBefore = new TagExtractor(6, 2, 0.5, false).extract(documents).get(0L).stream().map(TagExtractor.Tag::term).toList();
        assertTrue(asBefore.contains("挂"), "without phrases, as earlier releases did: " + asBefore);
    }
}
