package tlsconf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code tlsconf bench}: placeholder until the benchmark lands. */
@Command(name = "bench", description = "Not built yet: arrives with the benchmark.")
final class BenchCommand implements Callable<Integer> {

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.refuse("bench", "the benchmark");
    }
}
