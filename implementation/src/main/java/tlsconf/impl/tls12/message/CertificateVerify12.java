package tlsconf.impl.tls12.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** CertificateVerify in its TLS 1.2 form (RFC 5246 §7.4.8): a DigitallySigned over all handshake_messages so far. */
public record CertificateVerify12(int signatureScheme, byte[] signature) implements Tls12Message {
    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.u16(signatureScheme).vector(2, signature);
    }

    public static CertificateVerify12 decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "CertificateVerify");
        int scheme = r.u16("signature_algorithm");
        byte[] sig = r.vector(2, 0, 0xffff, "signature");
        r.end();
        return new CertificateVerify12(scheme, sig);
    }
}
