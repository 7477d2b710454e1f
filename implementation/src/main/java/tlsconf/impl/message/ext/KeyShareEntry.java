package tlsconf.impl.message.ext;

import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;

/** KeyShareEntry and the three key_share forms: ClientHello list, ServerHello entry, HRR selected group (§4.2.8). */
public record KeyShareEntry(int group, byte[] keyExchange) {

    private void write(TlsWriter w) {
        w.u16(group).vector(2, keyExchange);
    }

    private static KeyShareEntry read(TlsReader r) throws TlsAlertException {
        return new KeyShareEntry(r.u16("group"), r.vector(2, 1, 0xffff, "key_exchange"));
    }

    public static byte[] encodeClientShares(List<KeyShareEntry> shares) {
        return new TlsWriter().vector(2, w -> shares.forEach(s -> s.write(w))).toByteArray();
    }

    public static List<KeyShareEntry> decodeClientShares(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data, "key_share");
        TlsReader list = r.sub(2, 0, 0xffff, "client_shares");
        List<KeyShareEntry> out = new ArrayList<>();
        while (list.hasRemaining()) {
            out.add(read(list));
        }
        r.end();
        return out;
    }

    public byte[] encodeServerShare() {
        TlsWriter w = new TlsWriter();
        write(w);
        return w.toByteArray();
    }

    public static KeyShareEntry decodeServerShare(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data, "key_share");
        KeyShareEntry e = read(r);
        r.end();
        return e;
    }

    public static byte[] encodeSelectedGroup(int group) {
        return new TlsWriter().u16(group).toByteArray();
    }

    public static int decodeSelectedGroup(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data, "key_share");
        int g = r.u16("selected_group");
        r.end();
        return g;
    }
}
