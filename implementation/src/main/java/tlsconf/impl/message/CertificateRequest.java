package tlsconf.impl.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** CertificateRequest (RFC 8446 §4.3.2). */
public record CertificateRequest(byte[] context, Extensions extensions) implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.vector(1, context);
        extensions.write(w);
    }

    public static CertificateRequest decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "CertificateRequest");
        byte[] ctx = r.vector(1, 0, 0xff, "certificate_request_context");
        Extensions ext = Extensions.read(r, "CertificateRequest");
        r.end();
        return new CertificateRequest(ctx, ext);
    }
}
