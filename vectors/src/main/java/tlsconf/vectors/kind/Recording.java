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

    /** One write by one side, as it appeared on the socket. */
    public record Flow(From from, Bytes bytes) {
    }

    public static Recording parse(Node body) {
        body.only("kind", "id", "source", "description", "peer", "configuration", "flows");
        Node p = body.object("peer");
        p.only("name", "version", "command");
        Peer peer = new Peer(p.text("name"), p.text("version"), p.text("command"));
        Map<String, String> config = body.textMap("configuration", true);
        List<Flow> flows = new ArrayList<>();
        for (Node f : body.objects("flows", true)) {
            f.only("from", "bytes");
            From from = f.choice("from", "us", "peer").equals("peer") ? From.PEER : From.US;
            flows.add(new Flow(from, f.hex("bytes")));
        }
        if (body.has("flows") && flows.isEmpty()) {
            body.fail("flows", "a recording needs at least one flow");
        }
        return new Recording(peer, config, flows);
    }
}
