package tlsconf.impl.message.ext;

import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;

/** pre_shared_key in a ClientHello (RFC 8446 §4.2.11): identities and their binders. */
public record OfferedPsks(List<Identity> identities, List<byte[]> binders) {
    /** PskIdentity. */
    public record Identity(byte[] identity, long obfuscatedTicketAge) {
    }

    public OfferedPsks {
        identities = List.copyOf(identities);
        binders = List.copyOf(binders);
    }

    public byte[] encode() {
        TlsWriter w = new TlsWriter();
        w.vector(2, b -> identities.forEach(i -> b.vector(2, i.identity()).u32(i.obfuscatedTicketAge())));
        w.vector(2, b -> binders.forEach(x -> b.vector(1, x)));
        return w.toByteArray();
    }

    /** Bytes the binders occupy at the end of the ClientHello: the part cut off for the binder hash (§4.2.11.2). */
    public int bindersLength() {
        int n = 2;
        for (byte[] b : binders) {
            n += 1 + b.length;
        }
        return n;
    }

    public static OfferedPsks decode(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data, "pre_shared_key");
        TlsReader ids = r.sub(2, 7, 0xffff, "identities");
        List<Identity> identities = new ArrayList<>();
        while (ids.hasRemaining()) {
            identities.add(new Identity(ids.vector(2, 1, 0xffff, "identity"), ids.u32("obfuscated_ticket_age")));
        }
        TlsReader bs = r.sub(2, 33, 0xffff, "binders");
        List<byte[]> binders = new ArrayList<>();
        while (bs.hasRemaining()) {
            binders.add(bs.vector(1, 32, 255, "binder"));
        }
        r.end();
        if (identities.size() != binders.size()) {
            throw Violation.BAD_PSK.alert(identities.size() + " PSK identities but " + binders.size() + " binders");
        }
        return new OfferedPsks(identities, binders);
    }
}
