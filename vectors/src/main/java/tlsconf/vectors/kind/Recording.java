package tlsconf.vectors.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.json.Node;

/**
 * A golden transcript: the bytes our deterministic side and a real peer exchanged, in order, with the peer's
 * exact version and command line, and the configuration that makes our side reproduce its flows.
 */
public record Recording(Peer peer, Map<String, String> configuration, List<Flow> flows) implements VectorBody {
    public Recording {
        configuration = Map.copyOf(configuration);
        flows = List.copyOf(flows);
    }

    /** The peer recorded against. */
    public record Peer(String name, String version, String command) {
    }

    /** Who wrote a flow. */
    public enum From {
        US,
        PEER
    }

    /** One write by one side, as it appeared on the socket, on connection {@code connection} (0, 1 ...). */
    public record Flow(From from, Bytes bytes, int connection) {
        public Flow(From from, Bytes bytes) {
            this(from, bytes, 0);
        }
    }

    /** How many connections the recording holds (a resumption needs two). */
    public int connections() {
        return flows.stream().mapToInt(Flow::connection).max().orElse(0) + 1;
    }

    /** The flows of one connection, in order. */
    public List<Flow> flows(int connection) {
        return flows.stream().filter(f -> f.connection() == connection).toList();
    }

    public static Recording parse(Node body) {
        body.only("kind", "id", "source", "description", "peer", "configuration", "flows");
        Node p = body.object("peer");
        p.only("name", "version", "command");
        Peer peer = new Peer(p.text("name"), p.text("version"), p.text("command"));
        Map<String, String> config = body.textMap("configuration", true);
        List<Flow> flows = new ArrayList<>();
        for (Node f : body.objects("flows", true)) {
            f.only("from", "bytes", "connection");
            From from = f.choice("from", "us", "peer").equals("peer") ? From.PEER : From.US;
            int connection = f.has("connection") ? f.integer("connection") : 0;
            int last = flows.isEmpty() ? 0 : flows.get(flows.size() - 1).connection();
            if (connection != last && connection != last + 1) {
                f.fail("connection", "connections are numbered 0, 1, ... in order (after " + last + ")");
            }
            flows.add(new Flow(from, f.hex("bytes"), connection));
        }
        if (body.has("flows") && flows.isEmpty()) {
            body.fail("flows", "a recording needs at least one flow");
        }
        return new Recording(peer, config, flows);
    }
}
