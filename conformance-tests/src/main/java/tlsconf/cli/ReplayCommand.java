package tlsconf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code tlsconf replay}: placeholder until the conformance engine lands. */
@Command(name = "replay", description = "Not built yet: arrives with the conformance engine.")
final class ReplayCommand implements Callable<Integer> {

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.refuse("replay", "the conformance engine");
    }
}
