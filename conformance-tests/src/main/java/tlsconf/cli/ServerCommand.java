package tlsconf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code tlsconf server}: placeholder until the TLS 1.3 reference implementation lands. */
@Command(name = "server", description = "Not built yet: arrives with the TLS 1.3 reference implementation.")
final class ServerCommand implements Callable<Integer> {

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.refuse("server", "the TLS 1.3 reference implementation");
    }
}
