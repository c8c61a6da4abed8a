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
}
