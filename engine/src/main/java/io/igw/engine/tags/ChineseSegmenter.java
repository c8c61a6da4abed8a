package io.igw.engine.tags;

import io.igw.engine.ArchitectureExemption;
import com.huaban.analysis.jieba.JiebaSegmenter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Chinese word segmentation with jieba, loaded once (its dictionary takes about two seconds) and on first use
 * only. jieba announces its loading on standard output, where the CLI writes JSON, so that announcement is
 * swallowed.
 */
@ArchitectureExemption("jieba prints its dictionary loading to standard output, which carries the CLI's JSON: this silences it")
public final class ChineseSegmenter {
    private static volatile JiebaSegmenter segmenter;

    private ChineseSegmenter() {
    }

    public static List<String> words(String text) {
        return instance().sentenceProcess(text);
    }

    private static JiebaSegmenter instance() {
        JiebaSegmenter s = segmenter;
        if (s == null) {
            synchronized (ChineseSegmenter.class) {
                s = segmenter;
                if (s == null) {
                    s = quietly();
                    segmenter = s;
                }
            }
        }
        return s;
    }

    private static JiebaSegmenter quietly() {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            JiebaSegmenter loaded = new JiebaSegmenter();
            loaded.sentenceProcess("预热"); // loads the dictionary and the HMM model now, while output is off
            return loaded;
        } finally {
            System.setOut(out);
        }
    }
}
