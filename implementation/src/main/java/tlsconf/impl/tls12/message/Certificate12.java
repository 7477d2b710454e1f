package tlsconf.impl.tls12.message;

import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** Certificate in its TLS 1.2 form (RFC 5246 §7.4.2): {@code ASN.1Cert certificate_list<0..2^24-1>}, leaf first. */
public record Certificate12(List<byte[]> derChain) implements Tls12Message {
    public Certificate12 {
        derChain = List.copyOf(derChain);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.vector(3, b -> derChain.forEach(c -> b.vector(3, c)));
    }

    public static Certificate12 decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "Certificate");
        TlsReader list = r.sub(3, 0, 0xffffff, "certificate_list");
        List<byte[]> chain = new ArrayList<>();
        while (list.hasRemaining()) {
            chain.add(list.vector(3, 1, 0xffffff, "ASN.1Cert"));
        }
        r.end();
        return new Certificate12(chain);
    }
}
