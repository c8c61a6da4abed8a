package io.igw.viz.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text in a PDF in any script the machine has a font for: a Unicode font (DejaVu Sans where installed) for most
 * text, a CJK font (Droid Sans Fallback, else Noto Sans CJK) for what it lacks, embedded as subsets. Without them
 * it falls back on Helvetica, and a character no font can show becomes '?': the HTML and CSV keep every character.
 */
final class PdfText {
    private static final String[] REGULAR = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf"};
    private static final String[] BOLD = {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"};
    private static final String[] CJK = {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"};

    private final PDFont regular;
    private final PDFont bold;
    private final PDFont fallback;
    private final Map<PDFont, Map<Integer, Boolean>> canShow = new HashMap<>();

    PdfText(PDDocument doc) throws IOException {
        regular = load(doc, REGULAR, new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        bold = load(doc, BOLD, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
        fallback = load(doc, CJK, null);
    }

    private static PDFont load(PDDocument doc, String[] candidates, PDFont otherwise) throws IOException {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p) && c.endsWith(".ttf")) {
                return PDType0Font.load(doc, p.toFile());
            }
            if (Files.isRegularFile(p) && c.endsWith(".ttc")) {
                try (org.apache.fontbox.ttf.TrueTypeCollection ttc = new org.apache.fontbox.ttf.TrueTypeCollection(p.toFile())) {
                    List<org.apache.fontbox.ttf.TrueTypeFont> fonts = new ArrayList<>();
                    ttc.processAllFonts(fonts::add);
                    if (!fonts.isEmpty()) {
                        return PDType0Font.load(doc, fonts.get(0), true);
                    }
                }
            }
        }
        return otherwise;
    }

    /** A run of text in one font. */
    private record Run(PDFont font, String text) {
    }

    private boolean shows(PDFont font, int codePoint) {
        return canShow.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, cp -> {
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IllegalArgumentException | IOException | UnsupportedOperationException e) {
                return false;
            }
        });
    }

    private List<Run> runs(String text, boolean strong) {
        PDFont main = strong ? bold : regular;
        List<Run> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDFont currentFont = main;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                cp = ' ';
            }
            PDFont font = shows(main, cp) ? main : fallback != null && shows(fallback, cp) ? fallback : main;
            String piece = font == main && !shows(main, cp) ? "?" : new String(Character.toChars(cp));
            if (font != currentFont && current.length() > 0) {
                out.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.append(piece);
        }
        if (current.length() > 0) {
            out.add(new Run(currentFont, current.toString()));
        }
        return out;
    }

    float width(String text, float size, boolean strong) throws IOException {
        float w = 0;
        for (Run r : runs(text, strong)) {
            w += r.font().getStringWidth(r.text()) / 1000f * size;
        }
        return w;
    }

    void show(PDPageContentStream cs, String text, float x, float y, float size, boolean strong, Color colour) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(colour);
        cs.newLineAtOffset(x, y);
        for (Run r : runs(text, strong)) {
            cs.setFont(r.font(), size);
            cs.showText(r.text());
        }
        cs.endText();
    }

    /** Breaks text into lines no wider than {@code width}: at spaces, and inside words (or CJK text) that are wider. */
    List<String> wrap(String text, float size, boolean strong, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, size, strong) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String next = line + new String(Character.toChars(cp));
                if (width(next, size, strong) > width && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
