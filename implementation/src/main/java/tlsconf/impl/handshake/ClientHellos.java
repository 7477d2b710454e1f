package tlsconf.impl.handshake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.SessionTicket;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.crypto.EphemeralKey;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.impl.crypto.KeySchedule;
import tlsconf.impl.crypto.Transcript;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.Extensions;
import tlsconf.impl.message.ext.CodeLists;
import tlsconf.impl.message.ext.KeyShareEntry;
import tlsconf.impl.message.ext.OfferedPsks;
import tlsconf.impl.message.ext.ServerNameList;
import tlsconf.model.vocabulary.TlsVersion;

/** The client's ClientHello (RFC 8446 §4.1.2) from its configuration, and the PSK binder over it (§4.2.11.2). */
final class ClientHellos {
    private ClientHellos() {
    }

    static ClientHello build(TlsConfig config, byte[] random, byte[] sessionId, Collection<EphemeralKey> keys,
            byte[] cookie, boolean earlyData) {
        List<Extension> ext = new ArrayList<>();
        if (ServerNameList.sendable(config.serverName())) {
            // RFC 6066 §3: literal IP addresses are not sent as server names.
            ext.add(new Extension(ExtensionType.SERVER_NAME, ServerNameList.encode(config.serverName())));
        }
        ext.add(new Extension(ExtensionType.SUPPORTED_GROUPS,
                CodeLists.encodeU16List(config.groups().stream().map(NamedGroup::code).toList())));
        ext.add(new Extension(ExtensionType.SIGNATURE_ALGORITHMS,
                CodeLists.encodeU16List(config.signatureSchemes().stream().map(SignatureScheme::code).toList())));
        ext.add(new Extension(ExtensionType.SUPPORTED_VERSIONS,
                CodeLists.encodeVersions(config.allows(TlsVersion.TLS_1_2)
                        ? List.of(TlsVersion.TLS_1_3.code(), TlsVersion.TLS_1_2.code())
                        : List.of(TlsVersion.TLS_1_3.code()))));
        List<KeyShareEntry> shares = new ArrayList<>();
        keys.forEach(k -> shares.add(new KeyShareEntry(k.group().code(), k.publicKey())));
        ext.add(new Extension(ExtensionType.KEY_SHARE, KeyShareEntry.encodeClientShares(shares)));
        if (config.sessionStore() != null) {
            List<Integer> modes = new ArrayList<>();
            if (config.pskDheKe()) {
                modes.add(1);
            }
            if (config.pskKe()) {
                modes.add(0);
            }
            ext.add(new Extension(ExtensionType.PSK_KEY_EXCHANGE_MODES, CodeLists.encodeU8List(modes)));
        }
        if (config.recordSizeLimit() > 0) {
            ext.add(new Extension(ExtensionType.RECORD_SIZE_LIMIT, CodeLists.encodeU16(config.recordSizeLimit())));
        }
        if (cookie != null) {
            ext.add(new Extension(ExtensionType.COOKIE, CodeLists.encodeOpaque16(cookie)));
        }
        if (earlyData) {
            ext.add(new Extension(ExtensionType.EARLY_DATA, new byte[0]));
        }
        List<Integer> suites = config.cipherSuites().stream().filter(CipherSuite::isTls13).map(CipherSuite::code)
                .toList();
        if (config.allows(TlsVersion.TLS_1_2)) {
            // A TLS 1.2 server answers from the TLS 1.2 suites and extensions it finds here.
            suites = tlsconf.impl.tls12.Tls12Offer.cipherSuites(suites, config.tls12());
            ext = tlsconf.impl.tls12.Tls12Offer.extensions(ext);
        }
        return new ClientHello(TlsVersion.TLS_1_2.code(), random, sessionId, suites, new byte[] {0},
                new Extensions(config.clientHelloExtensions(ext)));
    }

    /**
     * Appends pre_shared_key (last, §4.2.11) for the ticket; the binder is the Finished-style HMAC over the transcript
     * so far plus the ClientHello truncated before its binders (§4.2.11.2).
     */
    static ClientHello withBinder(ClientHello ch, SessionTicket ticket, Transcript transcript, Instant now) {
        HashAlgorithm hash = ticket.cipherSuite().hash();
        OfferedPsks.Identity id = new OfferedPsks.Identity(ticket.ticket(), ticket.obfuscatedAge(now));
        OfferedPsks placeholder = new OfferedPsks(List.of(id), List.of(new byte[hash.length()]));
        byte[] encoded = withPsk(ch, placeholder).encode();
        byte[] truncated = Arrays.copyOf(encoded, encoded.length - placeholder.bindersLength());
        byte[] binderKey = KeySchedule.early(hash, ticket.psk()).binderKey(true);
        byte[] binder = KeySchedule.verifyData(hash, binderKey, transcript.hashWith(hash, truncated));
        return withPsk(ch, new OfferedPsks(List.of(id), List.of(binder)));
    }

    private static ClientHello withPsk(ClientHello ch, OfferedPsks psks) {
        return new ClientHello(ch.legacyVersion(), ch.random(), ch.legacySessionId(), ch.cipherSuites(),
                ch.compressionMethods(), ch.extensions().with(new Extension(ExtensionType.PRE_SHARED_KEY,
                        psks.encode())));
    }
}
