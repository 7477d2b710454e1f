package tlsconf.peers;

import java.nio.file.Path;

import tlsconf.model.vocabulary.Role;

/**
 * A TLS stack the suite can start in either role with the right flags: the conformance engine's
 * {@code --target openssl|gnutls|jsse} and the interop tests use the same presets.
 */
public interface PeerPreset {

    /** "openssl", "gnutls", "jsse". */
    String name();

    /** The stack's own version string ("OpenSSL 3.0.19 27 Jan 2026"). Throws NOT_INSTALLED when absent. */
    String version();

    /** Whether the binaries (if any) are installed. */
    boolean installed();

    /**
     * Why the preset cannot run on this machine, as the one line to print ("selfserv not installed (apt-get install
     * -y libnss3-tools)"), or empty when it can.
     */
    default java.util.Optional<String> missing() {
        return installed() ? java.util.Optional.empty()
                : java.util.Optional.of(name() + " not installed (see PEERS.md for its package)");
    }

    /** What the peer supports in {@code role}. */
    Capabilities capabilities(Role role);

    /**
     * Starts a server on a free 127.0.0.1 port, ready to accept when this returns. Files (PEM, logs) go to
     * {@code workDir}. The server answers a line or an HTTP request as its preset documents.
     */
    ServerPeer startServer(PeerConfig config, Path workDir);

    /**
     * Starts a client that connects to 127.0.0.1:{@code port} and then sends what is written with
     * {@link RunningPeer#sendLine}, printing what it receives.
     */
    RunningPeer startClient(PeerConfig config, int port, Path workDir);

    /** What the peer says it negotiated, from its output in {@code role} (or from the page a server sent). */
    PeerReport report(Role role, String output);

    /** Fails with a reason when the peer cannot run {@code config} in {@code role}. */
    default void requireSupport(Role role, PeerConfig config) {
        capabilities(role).unsupported(config).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }
}
