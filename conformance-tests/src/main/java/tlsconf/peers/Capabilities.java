package tlsconf.peers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * What a peer in one role supports, so a check that needs something else is skipped with a reason instead of
 * failing for the wrong cause.
 *
 * @param peer        "openssl s_server 3.0.19"
 * @param role        the role the peer plays
 * @param versions    protocol versions it can be pinned to
 * @param suites      cipher suites it can be limited to
 * @param groups      groups it can negotiate
 * @param pinsGroups  whether it can be limited to given groups (needed to force a HelloRetryRequest)
 * @param schemes     CertificateVerify schemes it can sign (server) or verify (client) with
 * @param pinsSchemes whether it can be limited to chosen signature schemes
 * @param clientAuth  server peers: the client-auth modes it can be set to; client peers: the modes it can answer
 * @param sessionFile whether a session can be saved and resumed across runs (OpenSSL -sess_out / -sess_in)
 * @param reconnect   whether a client can resume within one run
 * @param keyLog      whether it can write an NSS key log
 * @param rsaKeyTransport TLS 1.2 RSA key transport (TLS_RSA_WITH_* suites, RFC 5246 §7.4.7.1) as the preset starts the
 *                    peer: a client offers such a suite in its ClientHello; a server given an RSA certificate accepts
 *                    a ClientHello that offers only TLS_RSA_WITH_AES_128_GCM_SHA256. Set from what was seen on the
 *                    wire, never assumed: every preset states it (no constructor defaults it)
 */
public record Capabilities(String peer, Role role, Set<TlsVersion> versions, Set<Suite> suites, Set<Group> groups,
                           boolean pinsGroups, Set<SigScheme> schemes, boolean pinsSchemes,
                           Set<ClientAuthMode> clientAuth,
                           boolean sessionFile, boolean reconnect, boolean keyLog, boolean rsaKeyTransport) {

    public Capabilities {
        versions = Set.copyOf(versions);
        suites = Set.copyOf(suites);
        groups = Set.copyOf(groups);
        schemes = Set.copyOf(schemes);
        clientAuth = Set.copyOf(clientAuth);
    }

    /**
     * Everything this suite covers in TLS 1.3, which OpenSSL 3.0 and GnuTLS 3.7 both do, and TLS 1.2 RSA key
     * transport, which both offer as clients and accept as servers by default (seen on the wire: s_client and
     * gnutls-cli offer TLS_RSA_WITH_AES_128_GCM_SHA256 among others; s_server and gnutls-serv with an RSA chain
     * negotiate it when it is all a client offers).
     */
    public static Capabilities full(String peer, Role role, Set<TlsVersion> versions) {
        return new Capabilities(peer, role, versions, EnumSet.allOf(Suite.class), EnumSet.allOf(Group.class), true,
                EnumSet.allOf(SigScheme.class), true, EnumSet.allOf(ClientAuthMode.class), false, false, false, true);
    }

    public Capabilities withSessionFile(boolean b) {
        return new Capabilities(peer, role, versions, suites, groups,
                pinsGroups, schemes, pinsSchemes, clientAuth, b, reconnect,
                keyLog, rsaKeyTransport);
    }

    public Capabilities withReconnect(boolean b) {
        return new Capabilities(peer, role, versions, suites, groups,
                pinsGroups, schemes, pinsSchemes, clientAuth, sessionFile, b,
                keyLog, rsaKeyTransport);
    }

    public Capabilities withKeyLog(boolean b) {
        return new Capabilities(peer, role, versions, suites, groups,
                pinsGroups, schemes, pinsSchemes, clientAuth, sessionFile,
                reconnect, b, rsaKeyTransport);
    }

    public Capabilities withPinsGroups(boolean b) {
        return new Capabilities(peer, role, versions, suites, groups,
                b, schemes, pinsSchemes, clientAuth, sessionFile, reconnect,
                keyLog, rsaKeyTransport);
    }

    public Capabilities withPinsSchemes(boolean b) {
        return new Capabilities(peer, role, versions, suites, groups, pinsGroups, schemes, b, clientAuth, sessionFile,
                reconnect, keyLog, rsaKeyTransport);
    }

    public Capabilities withRsaKeyTransport(boolean b) {
        return new Capabilities(peer, role, versions, suites, groups, pinsGroups, schemes, pinsSchemes, clientAuth,
                sessionFile, reconnect, keyLog, b);
    }

    public Capabilities withSchemes(Set<SigScheme> s) {
        return new Capabilities(peer, role, versions, suites, groups,
                pinsGroups, s, pinsSchemes, clientAuth, sessionFile,
                reconnect, keyLog, rsaKeyTransport);
    }

    /**
     * Why this peer cannot run {@code config}, or empty when it can. The reason names the peer and the missing
     * feature: "openssl s_client 3.0.19 cannot pin groups".
     */
    public Optional<String> unsupported(PeerConfig config) {
        List<String> missing = new ArrayList<>();
        if (!versions.contains(config.version())) {
            missing.add("does not speak TLS " + config.version().label());
        }
        if (config.version() != TlsVersion.TLS_1_3 && !config.suites().isEmpty()) {
            missing.add("takes TLS 1.3 cipher suites only with TLS 1.3");
        }
        config.suites().stream().filter(s -> !suites.contains(s)).forEach(s -> missing.add("lacks " + s.iana()));
        config.groups().stream().filter(g -> !groups.contains(g)).forEach(g -> missing.add("lacks " + g.rfcName()));
        if (!config.groups().isEmpty() && !pinsGroups) {
            missing.add("cannot be limited to chosen groups");
        }
        config.schemes().stream().filter(s -> !schemes.contains(s))
                .forEach(s -> missing.add("lacks signature scheme " + s.rfcName()));
        config.credentials().flatMap(c -> SigScheme.forKey(c.privateKey())).filter(s -> !schemes.contains(s))
                .ifPresent(s -> missing.add("cannot sign with a " + s.keyKind() + " key (" + s.rfcName() + ")"));
        config.trustAnchors().stream().map(c -> SigScheme.forKey(c.getPublicKey())).flatMap(Optional::stream)
                .filter(s -> !schemes.contains(s)).findFirst()
                .ifPresent(s -> missing.add("cannot verify " + s.keyKind() + " certificates (" + s.rfcName() + ")"));
        if (!config.schemes().isEmpty() && !pinsSchemes) {
            missing.add("cannot be limited to chosen signature schemes");
        }
        if (role == Role.SERVER && !clientAuth.contains(config.clientAuth())) {
            missing.add("cannot be set to client auth " + config.clientAuth());
        }
        if ((config.sessionIn().isPresent() || config.sessionOut().isPresent()) && !sessionFile) {
            missing.add("cannot save or load sessions");
        }
        if (config.reconnect() && !reconnect) {
            missing.add("cannot resume within one run");
        }
        if (config.keyLogFile().isPresent() && !keyLog) {
            missing.add("cannot write a key log");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(peer + " " + String.join(", ", missing));
    }

    /** Whether this peer can sign (server) or verify (client) with {@code scheme}. */
    public boolean supports(SigScheme scheme) {
        return schemes.contains(scheme);
    }
}
