/**
 * Real TLS peers on 127.0.0.1, started and driven by tests and by the conformance engine's presets.
 *
 * <ul>
 *   <li>Processes: {@link tlsconf.peers.PeerProcess} starts a {@link tlsconf.peers.ProcessSpec} (no shell), keeps
 *       its output in a bounded {@link tlsconf.peers.OutputTail} (and a log file), waits for
 *       {@link tlsconf.peers.Readiness} with a bound, and always kills the process tree on close. Failures are
 *       one-line {@link tlsconf.peers.PeerException}s: not installed, exited early, failed start, timed out.</li>
 *   <li>Presets ({@link tlsconf.peers.Presets}): {@code openssl} (s_server / s_client), {@code gnutls}
 *       (gnutls-serv / gnutls-cli), {@code jsse} (the JDK in-process), {@code nss} (selfserv / tstclnt) and
 *       {@code botan} (tls_server / tls_client, TLS 1.2 only), each turning a peer-neutral
 *       {@link tlsconf.peers.PeerConfig} into its own flags, announcing its {@link tlsconf.peers.Capabilities}
 *       so inapplicable checks are skipped with a reason, and reading back what it negotiated as a
 *       {@link tlsconf.peers.PeerReport}.</li>
 *   <li>Vocabulary: {@link tlsconf.peers.Suite}, {@link tlsconf.peers.Group}, {@link tlsconf.peers.SigScheme},
 *       {@link tlsconf.peers.ClientAuthMode} carry each tool's spelling; their constant names equal the reference
 *       implementation's enums, so {@code NamedGroup.valueOf(group.name())} maps them.</li>
 * </ul>
 */
package tlsconf.peers;
