package tlsconf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code tlsconf vectors}: placeholder until the test vectors lands. */
@Command(name = "vectors", description = "Not built yet: arrives with the test vectors.")
final class VectorsCommand implements Callable<Integer> {

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.refuse("vectors", "the test vectors");
    }
}
