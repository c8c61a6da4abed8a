package io.igw.engine.targeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.errors.AudienceTooSmall;
import io.igw.engine.errors.InvalidSetting;
import io.igw.storage.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an audience export does to protect the people in it: a minimum size, and identifiers hashed as platforms match them. */
class AudiencePrivacyTest {
    @TempDir
    Path tmp;

    private static List<AudienceBuilder.Member> people(int n) {
        List<AudienceBuilder.Member> m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            m.add(new AudienceBuilder.Member(1000 + i, 1.0 - i / 1000.0, "category 3"));
        }
        return m;
    }

    @Test
    void anAudienceUnderTheMinimumIsRefusedAndNothingIsWritten() throws Exception {
        Path file = tmp.resolve("small.csv");
        Files.writeString(file, "the previous export\n");
        AudienceTooSmall refused = assertThrows(AudienceTooSmall.class,
                () -> AudienceCsv.write(file, people(99), AudienceCsv.Privacy.DEFAULT));
        assertEquals(99, refused.size());
        assertEquals(100, refused.minimum());
        assertTrue(refused.getMessage().startsWith("The audience has 99 people, fewer than the 100 an export needs: ad platforms "
                + "refuse smaller audiences so that no one can be singled out"), refused.getMessage());
        assertEquals("the previous export\n", Files.readString(file), "the old file is untouched");

        AudienceCsv.write(file, people(100), AudienceCsv.Privacy.DEFAULT);
        List<String> lines = Files.readAllLines(file);
        assertEquals(101, lines.size());
        assertTrue(lines.get(1).matches("[0-9a-f]{64},1\\.000000,category 3"), "hashed by default: " + lines.get(1));

        AudienceCsv.write(file, people(5), new AudienceCsv.Privacy(false, 5));
        assertEquals("1000,1.000000,category 3", Files.readAllLines(file).get(1), "plain ids and a lower minimum when asked");
        assertEquals("min size must be at least 1, not 0",
                assertThrows(InvalidSetting.class, () -> new AudienceCsv.Privacy(true, 0)).getMessage());
    }

    @Test
    void emailsArePlatformNormalisedBeforeHashing() {
        assertEquals(AdIdentifiers.Kind.EMAIL, AdIdentifiers.kindOf(" Alice.Smith@Example.COM "));
        assertEquals("alice.smith@example.com", AdIdentifiers.normalise("  Alice.Smith@Example.COM\t"));
        assertEquals("7dcd3a39ad3a8d2145645ec612ed4f6fa3f297b47bdcf7e0aeb76040f5e24e89", AdIdentifiers.hashed(" ALICE.SMITH@example.com"));
        assertEquals(AdIdentifiers.hashed("alice.smith@example.com"), AdIdentifiers.hashed("Alice.Smith@EXAMPLE.com "));
    }

    @Test
    void phoneNumbersBecomeDigitsWithTheirCountryCode() {
        String want = "8613812345678";
        for (String written : List.of("+86 138 1234 5678", "+86-138-1234-5678", "0086 13812345678", "13812345678",
                "138-1234-5678", " 8613812345678 ", "(+86) 138.1234.5678")) {
            assertEquals(AdIdentifiers.Kind.PHONE, AdIdentifiers.kindOf(written), written);
            assertEquals(want, AdIdentifiers.normalise(written), written);
        }
        assertEquals("f32dd5bb1e1e0ce7de6509513f1147fe420b2e69122319cea71268990236ed95", AdIdentifiers.hashed("+86 138 1234 5678"));
        assertEquals("442079460958", AdIdentifiers.normalise("+44 20 7946 0958"));
        assertEquals("442079460958", AdIdentifiers.normalise("0044 20 7946 0958"));
    }

    @Test
    void otherIdsAreTrimmedAndLowerCasedOnly() {
        assertEquals(AdIdentifiers.Kind.ID, AdIdentifiers.kindOf("1001"));
        assertEquals("1001", AdIdentifiers.normalise(" 1001 "));
        assertEquals(AdIdentifiers.Kind.ID, AdIdentifiers.kindOf("12345678901"), "11 digits, but no mainland mobile starts 12");
        assertEquals("agkhlew2sowhnmfqijgbecaf7inq", AdIdentifiers.normalise("AGKHLEW2SOWHNMFQIJGBECAF7INQ"));
        assertEquals(AdIdentifiers.Kind.ID, AdIdentifiers.kindOf("not@an address"));
    }

    @Test
    void aFileWrittenForAPersonAppearsWholeOrNotAtAll() throws Exception {
        Path file = tmp.resolve("report.csv");
        Files.writeString(file, "old\n");
        IOException full = assertThrows(IOException.class, () -> OutputFile.text(file, out -> {
            out.write("half of the new file");
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", full.getMessage());
        assertEquals("old\n", Files.readString(file));
        assertFalse(Files.exists(OutputFile.partOf(file)), "the partial file is removed");
        assertFalse(OutputFile.hasLeftovers(tmp));

        Files.writeString(OutputFile.partOf(file), "a killed writer's leftover");
        OutputFile.text(file, out -> out.write("new\n"));
        assertEquals("new\n", Files.readString(file));
        assertFalse(OutputFile.hasLeftovers(tmp), "the next write of the file removes a leftover");
    }
}
