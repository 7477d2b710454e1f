package tlsconf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code tlsconf model}: placeholder until the formal model lands. */
@Command(name = "model", description = "Not built yet: arrives with the formal model.")
final class ModelCommand implements Callable<Integer> {

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.refuse("model", "the formal model");
    }
}
