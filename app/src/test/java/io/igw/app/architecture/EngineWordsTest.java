package io.igw.app.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No string in the engine, storage or viz names a command-line flag or command: their errors reach people at the
 * window too, so the CLI ({@code UserErrors}) and the screens ({@code Problems}) word them, each in its own terms.
 */
class EngineWordsTest {
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern COMMAND_LINE = Pattern.compile("(^|[\\s(])--[a-z]|\\./igw|\\bigw [a-z]");

    @Test
    void noEngineStringNamesAFlagOrACommand() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("engine", "storage", "viz")) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int n = 0; n < lines.size(); n++) {
                        String line = lines.get(n).strip();
                        if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                            continue;
                        }
                        Matcher m = LITERAL.matcher(line);
                        while (m.find()) {
                            if (COMMAND_LINE.matcher(m.group(1)).find()) {
                                found.add(f.getFileName() + ":" + (n + 1) + " " + m.group());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
