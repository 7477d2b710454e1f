package tlsconf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code tlsconf run}: placeholder until the conformance engine lands. */
@Command(name = "run", description = "Not built yet: arrives with the conformance engine.")
final class RunCommand implements Callable<Integer> {

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.refuse("run", "the conformance engine");
    }
}
