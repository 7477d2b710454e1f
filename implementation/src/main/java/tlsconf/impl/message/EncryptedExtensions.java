package tlsconf.impl.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** EncryptedExtensions (RFC 8446 §4.3.1). */
public record EncryptedExtensions(Extensions extensions) implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.ENCRYPTED_EXTENSIONS;
    }

    @Override
    public void writeBody(TlsWriter w) {
        extensions.write(w);
    }

    public static EncryptedExtensions decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "EncryptedExtensions");
        Extensions ext = Extensions.read(r, "EncryptedExtensions");
        r.end();
        return new EncryptedExtensions(ext);
    }
}
