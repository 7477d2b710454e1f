package tlsconf.impl.crypto;

import tlsconf.impl.Rfc8448;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.message.HandshakeMessage;
import tlsconf.impl.message.NewSessionTicket;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.record.Record;
import tlsconf.impl.record.RecordLayer;
import tlsconf.impl.record.RecordProtection;

/**
 * RFC 8448 §3 (simple 1-RTT handshake) through our primitives: every expected value comes from the RFC text
 * (the vector files of the vectors module, extracted from the RFC text), never from our own output.
 */
public class Rfc8448Section3Test {
    private static final Rfc8448 V = Rfc8448.section(3);
    private static final HashAlgorithm H = HashAlgorithm.SHA256;
    private static final CipherSuite SUITE = CipherSuite.TLS_AES_128_GCM_SHA256;


    /** A value of RFC 8448 §3 by "who|step|field" (see {@link tlsconf.impl.Rfc8448}). */
    public static byte[] v(String key) {
        return V.bytes(key);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    private static final String CH = "client|construct_a_ClientHello_handshake_message|ClientHello";
    private static final String SH = "server|construct_a_ServerHello_handshake_message|ServerHello";
    private static final String EE = "server|construct_an_EncryptedExtensions_handshake_message|EncryptedExtensions";
    private static final String CERT = "server|construct_a_Certificate_handshake_message|Certificate";
    private static final String CV = "server|construct_a_CertificateVerify_handshake_message|CertificateVerify";
    private static final String SF = "server|construct_a_Finished_handshake_message|Finished";
    private static final String CF = "client|construct_a_Finished_handshake_message|Finished";
    private static final String NST = "server|construct_a_NewSessionTicket_handshake_message|NewSessionTicket";

    @Test
    void x25519KeysAndSharedSecret() throws Exception {
        EphemeralKey client = EphemeralKey.fromPrivate(NamedGroup.X25519,
                v("client|create_an_ephemeral_x25519_key_pair|private_key"));
        EphemeralKey server = EphemeralKey.fromPrivate(NamedGroup.X25519,
                v("server|create_an_ephemeral_x25519_key_pair|private_key"));
        assertArrayEquals(v("client|create_an_ephemeral_x25519_key_pair|public_key"), client.publicKey());
        assertArrayEquals(v("server|create_an_ephemeral_x25519_key_pair|public_key"), server.publicKey());
        byte[] ikm = v("server|extract_secret_handshake|IKM");
        assertArrayEquals(ikm, client.agree(server.publicKey()));
        assertArrayEquals(ikm, server.agree(client.publicKey()));
    }

    @Test
    void keyScheduleSecrets() throws Exception {
        KeySchedule.Early early = KeySchedule.early(H, null);
        assertArrayEquals(v("server|extract_secret_early|secret"), early.secret());
        KeySchedule.Handshake hs = early.handshake(v("server|extract_secret_handshake|IKM"));
        assertArrayEquals(v("server|extract_secret_handshake|secret"), hs.secret());

        byte[] helloHash = H.hash(v(CH), v(SH));
        assertArrayEquals(v("server|derive_secret_tls13_c_hs_traffic|hash"), helloHash);
        assertArrayEquals(v("server|derive_secret_tls13_c_hs_traffic|expanded"),
                hs.clientHandshakeTrafficSecret(helloHash));
        assertArrayEquals(v("server|derive_secret_tls13_s_hs_traffic|expanded"),
                hs.serverHandshakeTrafficSecret(helloHash));

        KeySchedule.Master master = hs.master();
        assertArrayEquals(v("server|extract_secret_master|secret"), master.secret());
        byte[] sfHash = H.hash(v(CH), v(SH), v(EE), v(CERT), v(CV), v(SF));
        assertArrayEquals(v("server|derive_secret_tls13_c_ap_traffic|hash"), sfHash);
        assertArrayEquals(v("server|derive_secret_tls13_c_ap_traffic|expanded"),
                master.clientApplicationTrafficSecret(sfHash));
        assertArrayEquals(v("server|derive_secret_tls13_s_ap_traffic|expanded"),
                master.serverApplicationTrafficSecret(sfHash));
        assertArrayEquals(v("server|derive_secret_tls13_exp_master|expanded"), master.exporterMasterSecret(sfHash));
        byte[] cfHash = H.hash(v(CH), v(SH), v(EE), v(CERT), v(CV), v(SF), v(CF));
        byte[] rms = master.resumptionMasterSecret(cfHash);
        assertArrayEquals(v("client|derive_secret_tls13_res_master|expanded"), rms);

        NewSessionTicket nst = (NewSessionTicket) frame(v(NST)).decode();
        assertArrayEquals(v("server|generate_resumption_secret_tls13_resumption|expanded"),
                KeySchedule.resumptionPsk(H, rms, nst.nonce()));
    }

    @Test
    void finishedVerifyData() {
        byte[] helloHash = H.hash(v(CH), v(SH));
        KeySchedule.Handshake hs = KeySchedule.early(H, null).handshake(v("server|extract_secret_handshake|IKM"));
        byte[] shts = hs.serverHandshakeTrafficSecret(helloHash);
        byte[] chts = hs.clientHandshakeTrafficSecret(helloHash);
        assertArrayEquals(v("server|calculate_finished_tls13_finished|expanded"), KeySchedule.finishedKey(H, shts));
        byte[] beforeSf = H.hash(v(CH), v(SH), v(EE), v(CERT), v(CV));
        assertArrayEquals(v("server|calculate_finished_tls13_finished|finished"),
                KeySchedule.verifyData(H, shts, beforeSf));
        byte[] beforeCf = H.hash(v(CH), v(SH), v(EE), v(CERT), v(CV), v(SF));
        assertArrayEquals(v("client|calculate_finished_tls13_finished|finished"),
                KeySchedule.verifyData(H, chts, beforeCf));
    }

    @Test
    void hkdfExpandLabelInfoAndTrafficKeys() {
        byte[] shts = v("server|derive_write_traffic_keys_for_handshake_data|PRK");
        TrafficKeys k = TrafficKeys.derive(SUITE, shts);
        assertArrayEquals(v("server|derive_write_traffic_keys_for_handshake_data|key_expanded"), k.key());
        assertArrayEquals(v("server|derive_write_traffic_keys_for_handshake_data|iv_expanded"), k.iv());
        TrafficKeys app = TrafficKeys.derive(SUITE, v("server|derive_write_traffic_keys_for_application_data|PRK"));
        assertArrayEquals(v("server|derive_write_traffic_keys_for_application_data|key_expanded"), app.key());
        assertArrayEquals(v("server|derive_write_traffic_keys_for_application_data|iv_expanded"), app.iv());
        TrafficKeys capp = TrafficKeys.derive(SUITE, v("client|derive_write_traffic_keys_for_application_data|PRK"));
        assertArrayEquals(v("client|derive_write_traffic_keys_for_application_data|key_expanded"), capp.key());
        assertArrayEquals(v("client|derive_write_traffic_keys_for_application_data|iv_expanded"), capp.iv());
        // Derive-Secret's HkdfLabel bytes as the RFC prints them.
        byte[] derivedInfo = v("server|derive_secret_for_handshake_tls13_derived|info");
        assertArrayEquals(v("server|derive_secret_for_handshake_tls13_derived|expanded"),
                Hkdf.expand(H, v("server|extract_secret_early|secret"), derivedInfo, 32));
        assertArrayEquals(v("server|derive_secret_for_handshake_tls13_derived|expanded"),
                Hkdf.deriveSecret(H, v("server|extract_secret_early|secret"), "derived", H.emptyHash()));
    }

    @Test
    void transcriptClassMatchesTheRfcHashes() {
        Transcript t = new Transcript();
        t.add(v(CH));
        t.chooseHash(H);
        t.add(v(SH));
        assertArrayEquals(v("server|derive_secret_tls13_c_hs_traffic|hash"), t.currentHash());
        for (String m : new String[] {EE, CERT, CV, SF}) {
            t.add(v(m));
        }
        assertArrayEquals(v("server|derive_secret_tls13_c_ap_traffic|hash"), t.currentHash());
    }

    @Test
    void protectedRecordsAreByteExact() throws Exception {
        byte[] ikm = v("server|extract_secret_handshake|IKM");
        byte[] helloHash = H.hash(v(CH), v(SH));
        KeySchedule.Handshake hs = KeySchedule.early(H, null).handshake(ikm);
        byte[] sfHash = H.hash(v(CH), v(SH), v(EE), v(CERT), v(CV), v(SF));
        KeySchedule.Master master = hs.master();

        RecordProtection serverHs = RecordProtection.fromSecret(SUITE, hs.serverHandshakeTrafficSecret(helloHash));
        byte[] flight = v("server|send_handshake_record|payload#2");
        assertArrayEquals(concat(v(EE), v(CERT), v(CV), v(SF)), flight);
        assertArrayEquals(v("server|send_handshake_record|complete_record#2"),
                serverHs.protect(22, flight, 0, flight.length, 0));

        RecordProtection clientHs = RecordProtection.fromSecret(SUITE, hs.clientHandshakeTrafficSecret(helloHash));
        byte[] cf = v("client|send_handshake_record|payload#2");
        assertArrayEquals(v("client|send_handshake_record|complete_record#2"), clientHs.protect(22, cf, 0, cf.length,
                0));

        RecordProtection serverApp = RecordProtection.fromSecret(SUITE, master.serverApplicationTrafficSecret(sfHash));
        byte[] nst = v("server|send_handshake_record|payload#3");
        assertArrayEquals(v("server|send_handshake_record|complete_record#3"),
                serverApp.protect(22, nst, 0, nst.length, 0));

        RecordProtection clientApp = RecordProtection.fromSecret(SUITE, master.clientApplicationTrafficSecret(sfHash));
        byte[] data = v("client|send_application_data_record|payload");
        assertArrayEquals(v("client|send_application_data_record|complete_record"),
                clientApp.protect(23, data, 0, data.length, 0));
    }

    @Test
    void recordLayerOpensTheRfcRecords() throws Exception {
        byte[] helloHash = H.hash(v(CH), v(SH));
        KeySchedule.Handshake hs = KeySchedule.early(H, null).handshake(v("server|extract_secret_handshake|IKM"));
        RecordLayer layer = new RecordLayer();
        layer.setReadKeys(Epoch.HANDSHAKE, RecordProtection.fromSecret(SUITE,
                hs.serverHandshakeTrafficSecret(helloHash)));
        layer.feed(v("server|send_handshake_record|complete_record#2"), 0,
                v("server|send_handshake_record|complete_record#2").length);
        Record r = layer.next();
        assertArrayEquals(v("server|send_handshake_record|payload#2"), r.content());
    }

    @Test
    void everyRfcMessageDecodesAndReencodesIdentically() throws Exception {
        for (String m : new String[] {CH, SH, EE, CERT, CV, SF, CF, NST}) {
            byte[] raw = v(m);
            HandshakeMessage msg = frame(raw).decode();
            assertArrayEquals(raw, msg.encode(), m);
        }
    }

    public static HandshakeFrame frame(byte[] raw) {
        byte[] body = new byte[raw.length - 4];
        System.arraycopy(raw, 4, body, 0, body.length);
        return new HandshakeFrame(raw[0] & 0xff, body, raw);
    }
}
