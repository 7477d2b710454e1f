package tlsconf.impl.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** CertificateVerify (RFC 8446 §4.4.3): the scheme as a wire number (an unknown one must survive decoding). */
public record CertificateVerify(int scheme, byte[] signature) implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.u16(scheme).vector(2, signature);
    }

    public static CertificateVerify decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "CertificateVerify");
        int scheme = r.u16("algorithm");
        byte[] sig = r.vector(2, 0, 0xffff, "signature");
        r.end();
        return new CertificateVerify(scheme, sig);
    }
}
