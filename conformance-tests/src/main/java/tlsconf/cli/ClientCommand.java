package tlsconf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code tlsconf client}: placeholder until the TLS 1.3 reference implementation lands. */
@Command(name = "client", description = "Not built yet: arrives with the TLS 1.3 reference implementation.")
final class ClientCommand implements Callable<Integer> {

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.refuse("client", "the TLS 1.3 reference implementation");
    }
}
