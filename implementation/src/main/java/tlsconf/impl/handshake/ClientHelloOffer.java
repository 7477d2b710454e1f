package tlsconf.impl.handshake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.Extensions;
import tlsconf.impl.message.ext.CodeLists;
import tlsconf.impl.message.ext.KeyShareEntry;
import tlsconf.impl.message.ext.OfferedPsks;
import tlsconf.impl.message.ext.ServerNameList;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * What a ClientHello offers, checked against RFC 8446 §4.1.2 and §9.2 as far as the server's choices do not matter:
 * version, compression, extension placement and pairing. The server decides on this, never on raw bytes.
 */
record ClientHelloOffer(ClientHello hello, CipherSuite suite, List<Integer> supportedGroups,
        List<KeyShareEntry> shares, List<Integer> signatureSchemes, String serverName, OfferedPsks psks,
        List<Integer> pskModes, boolean earlyData, int recordSizeLimit) {

    static ClientHelloOffer parse(ClientHello ch, TlsConfig config) throws TlsAlertException {
        Extensions ext = ch.extensions();
        Optional<byte[]> sv = ext.data(ExtensionType.SUPPORTED_VERSIONS);
        if (sv.isEmpty()) {
            throw Violation.UNSUPPORTED_VERSION.alert(String.format("ClientHello without supported_versions"
                    + " (legacy_version 0x%04x): this endpoint is configured for TLS 1.3 only",
                    ch.legacyVersion()));
        }
        if (!CodeLists.decodeVersions(sv.get()).contains(TlsVersion.TLS_1_3.code())) {
            throw Violation.UNSUPPORTED_VERSION.alert("ClientHello supported_versions lacks TLS 1.3");
        }
        // §4.1.2: exactly one compression method, null, in a TLS 1.3 ClientHello.
        if (ch.compressionMethods().length != 1 || ch.compressionMethods()[0] != 0) {
            throw Violation.BAD_COMPRESSION.alert("legacy_compression_methods is not exactly [null]");
        }
        List<Extension> list = ext.list();
        for (int i = 0; i < list.size() - 1; i++) {
            if (list.get(i).type() == ExtensionType.PRE_SHARED_KEY) {
                // §4.2.11: pre_shared_key MUST be the last extension.
                throw Violation.PSK_NOT_LAST.alert();
            }
        }
        CipherSuite suite = null;
        for (CipherSuite s : config.cipherSuites()) {
            if (s.isTls13() && ch.cipherSuites().contains(s.code())) {
                suite = s;
                break;
            }
        }
        if (suite == null) {
            throw Violation.NO_COMMON_CIPHER_SUITE.alert("client offers " + hex(ch.cipherSuites()));
        }
        Optional<byte[]> groupsData = ext.data(ExtensionType.SUPPORTED_GROUPS);
        Optional<byte[]> sharesData = ext.data(ExtensionType.KEY_SHARE);
        if (groupsData.isPresent() != sharesData.isPresent()) {
            // §9.2: supported_groups and key_share come together.
            throw Violation.MISSING_EXTENSION.alert(groupsData.isPresent() ? "supported_groups without key_share"
                    : "key_share without supported_groups");
        }
        List<Integer> groups = groupsData.isPresent()
                ? CodeLists.decodeU16List(groupsData.get(), "supported_groups") : List.of();
        List<KeyShareEntry> shares = sharesData.isPresent()
                ? KeyShareEntry.decodeClientShares(sharesData.get()) : List.of();
        Set<Integer> seen = new HashSet<>();
        for (KeyShareEntry e : shares) {
            if (!seen.add(e.group())) {
                throw Violation.BAD_KEY_SHARE.alert("two key shares for group " + e.group());
            }
            if (!groups.contains(e.group())) {
                // §4.2.8: shares only for groups in supported_groups.
                throw Violation.BAD_KEY_SHARE.alert("key share for group " + e.group() + " not in supported_groups");
            }
        }
        List<Integer> schemes = new ArrayList<>();
        Optional<byte[]> sigData = ext.data(ExtensionType.SIGNATURE_ALGORITHMS);
        if (sigData.isPresent()) {
            schemes = CodeLists.decodeU16List(sigData.get(), "signature_algorithms");
        }
        String sni = null;
        Optional<byte[]> sniData = ext.data(ExtensionType.SERVER_NAME);
        if (sniData.isPresent()) {
            sni = ServerNameList.decodeHostName(sniData.get()).orElse(null);
        }
        OfferedPsks psks = null;
        List<Integer> modes = List.of();
        Optional<byte[]> pskData = ext.data(ExtensionType.PRE_SHARED_KEY);
        Optional<byte[]> modeData = ext.data(ExtensionType.PSK_KEY_EXCHANGE_MODES);
        if (modeData.isPresent()) {
            modes = CodeLists.decodeU8List(modeData.get(), "psk_key_exchange_modes");
        }
        if (pskData.isPresent()) {
            if (modeData.isEmpty()) {
                // §4.2.9: a client offering pre_shared_key MUST also send psk_key_exchange_modes.
                throw Violation.MISSING_EXTENSION.alert("pre_shared_key without psk_key_exchange_modes");
            }
            psks = OfferedPsks.decode(pskData.get());
        }
        if (psks == null && sigData.isEmpty()) {
            // §9.2: a certificate-authenticated handshake needs signature_algorithms.
            throw Violation.MISSING_EXTENSION.alert("ClientHello without signature_algorithms");
        }
        if (psks == null && sharesData.isEmpty()) {
            throw Violation.MISSING_EXTENSION.alert("ClientHello without key_share or pre_shared_key");
        }
        int recordSizeLimit = 0;
        Optional<byte[]> rsl = ext.data(ExtensionType.RECORD_SIZE_LIMIT);
        if (rsl.isPresent()) {
            recordSizeLimit = CodeLists.decodeU16(rsl.get(), "record_size_limit");
            if (recordSizeLimit < 64) {
                // RFC 8449 §4: a value below 64 is illegal_parameter.
                throw Violation.BAD_EXTENSION.alert("record_size_limit " + recordSizeLimit + " below 64");
            }
        }
        return new ClientHelloOffer(ch, suite, groups, shares, schemes, sni, psks, modes,
                ext.has(ExtensionType.EARLY_DATA), recordSizeLimit);
    }

    private static String hex(List<Integer> codes) {
        StringBuilder b = new StringBuilder("[");
        for (int c : codes) {
            b.append(b.length() > 1 ? ", " : "").append(String.format("0x%04x", c));
        }
        return b.append(']').toString();
    }

    Optional<KeyShareEntry> shareFor(int group) {
        return shares.stream().filter(s -> s.group() == group).findFirst();
    }
}
