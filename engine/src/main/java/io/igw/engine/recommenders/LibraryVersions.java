package io.igw.engine.recommenders;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The versions a model is trained with, read from the jars' Maven metadata (no library is initialised to ask it):
 * DL4J, ND4J and the ND4J backend on the class path (CPU or CUDA), Java, and the workbench itself.
 */
public final class LibraryVersions {
    private static final Map<String, String> VERSIONS = read();

    private LibraryVersions() {
    }

    /**
     * Loads ND4J's native libraries now rather than at a model's first array (for a measurement that must not count
     * them as the job's: {@code igw bench memory}).
     */
    public static void loadNativeLibraries() {
        org.nd4j.linalg.factory.Nd4j.create(1);
    }

    public static Map<String, String> current() {
        return VERSIONS;
    }

    private static Map<String, String> read() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("workbench", property("/io/igw/engine/recommenders/workbench.properties", "version"));
        out.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        out.put("dl4j", maven("org.deeplearning4j", "deeplearning4j-nn"));
        out.put("nd4j", maven("org.nd4j", "nd4j-api"));
        String cuda = maven("org.nd4j", "nd4j-cuda-11.6");
        out.put("nd4j_backend", !"unknown".equals(cuda) ? "nd4j-cuda-11.6 " + cuda : "nd4j-native " + maven("org.nd4j", "nd4j-native"));
        return out;
    }

    private static String maven(String group, String artifact) {
        return property("/META-INF/maven/" + group + "/" + artifact + "/pom.properties", "version");
    }

    private static String property(String resource, String key) {
        try (InputStream in = LibraryVersions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
