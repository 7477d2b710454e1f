package tlsconf.vectorrun;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tlsconf.vectors.LoadResult;
import tlsconf.vectors.VectorError;
import tlsconf.vectors.VectorFile;

/**
 * Every vector file, as dynamic tests: a file dropped into vectors/src/main/resources/vectors (read from the
 * source tree of this checkout when present, else from the tlsconf-vectors jar) or into a folder named by
 * {@code -Dvectors.dir=PATH[,PATH]} is validated and replayed with no code change. Same code path as
 * {@code tlsconf vectors run}.
 */
class VectorFilesTest {
    private static List<Path> sources() {
        List<Path> paths = new ArrayList<>();
        Path tree = Path.of("..", "vectors", "src", "main", "resources", "vectors");
        if (Files.isDirectory(tree)) {
            paths.add(tree);
        }
        String extra = System.getProperty("vectors.dir", "");
        for (String p : extra.split(",")) {
            if (!p.isBlank()) {
                paths.add(Path.of(p.trim()));
            }
        }
        return paths;
    }

    @TestFactory
    Stream<DynamicNode> everyVectorFileReplays() {
        LoadResult loaded = VectorRunner.load(sources());
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("all vector files are valid", () -> {
            if (!loaded.valid()) {
                fail(String.join("\n", loaded.errors().stream().map(VectorError::toString).toList()));
            }
        }));
        for (VectorFile f : loaded.files()) {
            tests.add(DynamicTest.dynamicTest(f.id() + " (" + Path.of(f.location()).getFileName() + ")", () -> {
                List<String> failures = new ArrayList<>();
                int passed = 0;
                for (Outcome o : VectorRunner.run(f, loaded)) {
                    if (o.status() == Outcome.Status.FAILED) {
                        failures.add(o.line());
                    }
                    passed += o.status() == Outcome.Status.PASSED ? 1 : 0;
                }
                if (!failures.isEmpty()) {
                    fail(f.location() + ":\n" + String.join("\n", failures));
                }
                assertTrue(passed > 0 || f.kind() != tlsconf.vectors.Kind.TRANSCRIPT, f.id() + ": nothing passed");
            }));
        }
        return tests.stream();
    }
}
