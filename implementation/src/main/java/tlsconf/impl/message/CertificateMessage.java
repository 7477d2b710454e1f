package tlsconf.impl.message;

import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** Certificate (RFC 8446 §4.4.2), X.509 entries only. */
public record CertificateMessage(byte[] context, List<Entry> entries) implements HandshakeMessage {
    /** CertificateEntry: DER cert_data and its per-entry extensions. */
    public record Entry(byte[] certData, Extensions extensions) {
    }

    public CertificateMessage {
        entries = List.copyOf(entries);
    }

    public static CertificateMessage of(byte[] context, List<byte[]> derChain) {
        List<Entry> e = new ArrayList<>();
        for (byte[] d : derChain) {
            e.add(new Entry(d, Extensions.NONE));
        }
        return new CertificateMessage(context, e);
    }

    public List<byte[]> derChain() {
        List<byte[]> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.certData());
        }
        return out;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.vector(1, context);
        w.vector(3, b -> {
            for (Entry e : entries) {
                b.vector(3, e.certData());
                e.extensions().write(b);
            }
        });
    }

    public static CertificateMessage decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "Certificate");
        byte[] ctx = r.vector(1, 0, 0xff, "certificate_request_context");
        TlsReader list = r.sub(3, 0, 0xffffff, "certificate_list");
        List<Entry> entries = new ArrayList<>();
        while (list.hasRemaining()) {
            byte[] data = list.vector(3, 1, 0xffffff, "cert_data");
            entries.add(new Entry(data, Extensions.read(list, "CertificateEntry")));
        }
        r.end();
        return new CertificateMessage(ctx, entries);
    }
}
