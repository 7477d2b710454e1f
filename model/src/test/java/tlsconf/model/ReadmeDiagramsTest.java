package tlsconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tlsconf.model.export.ReadmeDiagrams;

/**
 * The diagrams in the root README are generated from the model. This test fails when the committed section
 * differs; run it with {@code -Dmodel.updateReadme=true} to rewrite the section (only the text between the
 * markers is touched).
 */
class ReadmeDiagramsTest {

    private static final String HOW = "regenerate with: mvn -q -B -pl model test -Dtest=ReadmeDiagramsTest "
            + "-Dmodel.updateReadme=true";

    private static Path readme() {
        // surefire runs in the module directory; the README is at the root of the build
        Path p = Path.of("..", "README.md").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(p), "root README not found at " + p);
        return p;
    }

    @Test
    void readmeSectionMatchesTheModel() throws IOException {
        Path path = readme();
        String readme = Files.readString(path, StandardCharsets.UTF_8);
        String generated = ReadmeDiagrams.section();
        if (Boolean.getBoolean("model.updateReadme")) {
            // re-read right before writing: others edit the README too
            String fresh = Files.readString(path, StandardCharsets.UTF_8);
            Files.writeString(path, ReadmeDiagrams.replaceSection(fresh, generated), StandardCharsets.UTF_8);
            readme = Files.readString(path, StandardCharsets.UTF_8);
        }
        String committed = ReadmeDiagrams.currentSection(readme);
        if (!generated.equals(committed)) {
            fail("the README's model diagrams differ from the model (" + firstDifference(generated, committed)
                    + "); " + HOW);
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "<end>";
            String y = i < a.length ? a[i] : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + " of the section: model says '" + x + "', README has '" + y + "'";
            }
        }
        return "no line differs";
    }

    @Test
    void replacingTouchesOnlyTheMarkedSection() {
        String text = "before\n" + ReadmeDiagrams.BEGIN + "\nold\n" + ReadmeDiagrams.END + "\nafter\n";
        String out = ReadmeDiagrams.replaceSection(text, "new\n");
        assertEquals("before\n" + ReadmeDiagrams.BEGIN + "\nnew\n" + ReadmeDiagrams.END + "\nafter\n", out);
        assertEquals("new\n", ReadmeDiagrams.currentSection(out));
    }
}
