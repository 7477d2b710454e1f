package tlsconf.impl.tls12.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * ServerKeyExchange for ECDHE (RFC 8422 §5.4): ServerECDHParams (curve_type named_curve(3), the NamedCurve, the
 * point {@code opaque<1..2^8-1>}) and the TLS 1.2 DigitallySigned (SignatureAndHashAlgorithm, {@code
 * opaque<0..2^16-1>}) over client_random + server_random + params.
 */
public record ServerKeyExchange(int namedCurve, byte[] point, int signatureScheme, byte[] signature)
        implements Tls12Message {
    /** ECCurveType.named_curve (RFC 8422 §5.4); explicit curves are deprecated and refused. */
    public static final int NAMED_CURVE = 3;

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_KEY_EXCHANGE;
    }

    /** The ServerECDHParams bytes, as they enter the signature. */
    public byte[] params() {
        TlsWriter w = new TlsWriter(128);
        writeParams(w);
        return w.toByteArray();
    }

    private void writeParams(TlsWriter w) {
        w.u8(NAMED_CURVE).u16(namedCurve).vector(1, point);
    }

    @Override
    public void writeBody(TlsWriter w) {
        writeParams(w);
        w.u16(signatureScheme).vector(2, signature);
    }

    public static ServerKeyExchange decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "ServerKeyExchange");
        int curveType = r.u8("curve_type");
        if (curveType != NAMED_CURVE) {
            // RFC 8422 §5.4: only named_curve is allowed.
            throw Violation.BAD_EXTENSION.alert("ServerKeyExchange: curve_type " + curveType + " is not named_curve");
        }
        int curve = r.u16("namedcurve");
        byte[] point = r.vector(1, 1, 0xff, "point");
        int scheme = r.u16("signature_algorithm");
        byte[] sig = r.vector(2, 0, 0xffff, "signature");
        r.end();
        return new ServerKeyExchange(curve, point, scheme, sig);
    }
}
