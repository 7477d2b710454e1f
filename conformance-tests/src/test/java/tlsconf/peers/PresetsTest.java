package tlsconf.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.gnutls.GnuTlsPreset;
import tlsconf.peers.gnutls.GnuTlsReports;
import tlsconf.peers.openssl.OpenSslReports;

/** Presets by name, their version strings, and the report parsers on output recorded from the real tools. */
class PresetsTest {

    @Test
    void presetsByName() {
        assertEquals(List.of("openssl", "gnutls", "jsse", "nss", "botan", "bcjsse", "wolfssl", "mbedtls"),
                Presets.all().stream().map(PeerPreset::name).toList());
        assertTrue(Presets.byName("schannel").isEmpty());
    }

    @Test
    void versionStrings() {
        assumeTrue(Presets.openssl().installed(), "openssl not installed");
        assertTrue(Presets.openssl().version().startsWith("OpenSSL 3."), Presets.openssl().version());
        assumeTrue(Presets.gnutls().installed(), "gnutls-bin not installed");
        assertTrue(Presets.gnutls().version().startsWith("gnutls-cli 3."), Presets.gnutls().version());
    }

    @Test
    void gnutlsPriorityString() {
        PeerConfig c = PeerConfig.builder().suites(Suite.TLS_CHACHA20_POLY1305_SHA256).groups(Group.SECP256R1)
                .build();
        assertEquals("NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+CHACHA20-POLY1305:-GROUP-ALL:+GROUP-SECP256R1",
                GnuTlsPreset.priority(c));
    }

    /** Lines as s_client -brief (OpenSSL 3.0.19) printed them. */
    @Test
    void sClientBrief() {
        String full = String.join("\n", "CONNECTION ESTABLISHED", "Protocol version: TLSv1.3",
                "Ciphersuite: TLS_AES_256_GCM_SHA384", "Peer certificate: CN = localhost", "Hash used: UNDEF",
                "Signature type: ed25519", "Verification: OK", "Server Temp Key: ECDH, prime256v1, 256 bits");
        PeerReport r = OpenSslReports.sClientBrief(full);
        assertEquals(TlsVersion.TLS_1_3, r.version().orElseThrow());
        assertEquals(Suite.TLS_AES_256_GCM_SHA384, r.suite().orElseThrow());
        assertEquals(Group.SECP256R1, r.group().orElseThrow());
        assertEquals(SigScheme.ED25519, r.scheme().orElseThrow());
        assertEquals(false, r.resumed().orElseThrow());
        assertEquals(true, r.verified().orElseThrow());
        String resumed = String.join("\n", "CONNECTION ESTABLISHED", "Protocol version: TLSv1.3",
                "Ciphersuite: TLS_AES_128_GCM_SHA256", "Peer certificate: CN = localhost", "Verification: OK",
                "Server Temp Key: X25519, 253 bits");
        assertEquals(true, OpenSslReports.sClientBrief(resumed).resumed().orElseThrow());
    }

    /** The s_server -www page line and the GnuTLS description, as the tools printed them. */
    @Test
    void serverPagesAndGnutlsDescriptions() {
        PeerReport www = OpenSslReports.wwwPage("---\nReused, TLSv1.3, Cipher is TLS_CHACHA20_POLY1305_SHA256\n");
        assertEquals(Suite.TLS_CHACHA20_POLY1305_SHA256, www.suite().orElseThrow());
        assertEquals(true, www.resumed().orElseThrow());
        PeerReport page = GnuTlsReports.parse("<TR><TD>Description:</TD><TD>(TLS1.3-X.509)-(ECDHE-SECP256R1)-"
                + "(RSA-PSS-RSAE-SHA256)-(AES-256-GCM)</TD></TR>");
        assertEquals(TlsVersion.TLS_1_3, page.version().orElseThrow());
        assertEquals(Group.SECP256R1, page.group().orElseThrow());
        assertEquals(SigScheme.RSA_PSS_RSAE_SHA256, page.scheme().orElseThrow());
        assertEquals(Suite.TLS_AES_256_GCM_SHA384, page.suite().orElseThrow());
        PeerReport cli = GnuTlsReports.parse("- Description: (TLS1.3-X.509)-(ECDHE-X25519)-(EdDSA-Ed25519)-"
                + "(AES-128-GCM)\n- Handshake was completed\n- Description: (TLS1.3-X.509)--(AES-128-GCM)\n"
                + "- Resume Handshake was completed\n*** This is a resumed session\n");
        assertEquals(true, cli.resumed().orElseThrow());
        assertTrue(cli.group().isEmpty(), "the resumed description names no group");
    }

    /** selfserv -v lines (NSS 3.87). */
    @Test
    void selfservReport() {
        PeerReport r = tlsconf.peers.nss.NssReports.selfserv(String.join("\n",
                "selfserv: SSL version 3.4 using 256-bit CHACHA20POLY1305 with 128-bit AEAD MAC",
                "selfserv: Server Auth: 256-bit TLS 1.3, Key Exchange: 255-bit TLS 1.3"));
        assertEquals(TlsVersion.TLS_1_3, r.version().orElseThrow());
        assertEquals(Suite.TLS_CHACHA20_POLY1305_SHA256, r.suite().orElseThrow());
        assertEquals(Group.X25519, r.group().orElseThrow());
    }
}
