package tlsconf.peers;

import java.util.Optional;

import tlsconf.model.vocabulary.TlsVersion;

/**
 * What a peer says it negotiated, parsed from its own output (s_client -brief, s_server -www, gnutls
 * "Description", the JSSE peer's report). Tests compare it with what our side negotiated, so a silent downgrade
 * on either side fails. A field is empty when the peer does not print it.
 *
 * @param version   protocol version
 * @param suite     cipher suite
 * @param group     key exchange group
 * @param scheme    the server's CertificateVerify scheme, when the peer names it precisely
 * @param resumed   whether the peer says the session was resumed
 * @param verified  whether the peer says it verified the other side's certificate
 */
public record PeerReport(Optional<TlsVersion> version, Optional<Suite> suite, Optional<Group> group,
                         Optional<SigScheme> scheme, Optional<Boolean> resumed, Optional<Boolean> verified) {

    public static PeerReport empty() {
        return new PeerReport(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public PeerReport withVersion(TlsVersion v) {
        return new PeerReport(Optional.ofNullable(v), suite, group, scheme, resumed, verified);
    }

    public PeerReport withSuite(Suite s) {
        return new PeerReport(version, Optional.ofNullable(s), group, scheme, resumed, verified);
    }

    public PeerReport withGroup(Group g) {
        return new PeerReport(version, suite, Optional.ofNullable(g), scheme, resumed, verified);
    }

    public PeerReport withScheme(SigScheme s) {
        return new PeerReport(version, suite, group, Optional.ofNullable(s), resumed, verified);
    }

    public PeerReport withResumed(boolean r) {
        return new PeerReport(version, suite, group, scheme, Optional.of(r), verified);
    }

    public PeerReport withVerified(boolean v) {
        return new PeerReport(version, suite, group, scheme, resumed, Optional.of(v));
    }

    /** One line for assertion messages. */
    public String describe() {
        return "version=" + version.map(TlsVersion::label).orElse("?") + " suite=" + suite.map(Suite::iana).orElse("?")
                + " group=" + group.map(Group::rfcName).orElse("?") + " scheme="
                + scheme.map(SigScheme::rfcName).orElse("?") + " resumed=" + resumed.map(String::valueOf).orElse("?")
                + " verified=" + verified.map(String::valueOf).orElse("?");
    }
}
