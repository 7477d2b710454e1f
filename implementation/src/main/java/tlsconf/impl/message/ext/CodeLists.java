package tlsconf.impl.message.ext;

import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;

/**
 * The extension bodies that are lists of numbers: supported_groups and signature_algorithms(_cert) ({@code uint16
 * list<2..2^16-2>}), supported_versions in a ClientHello ({@code <2..254>}, 1-byte length), psk_key_exchange_modes
 * ({@code uint8 <1..255>}), and the single supported_versions value of a ServerHello.
 */
public final class CodeLists {
    private CodeLists() {
    }

    public static byte[] encodeU16List(List<Integer> codes) {
        return new TlsWriter().vector(2, w -> codes.forEach(w::u16)).toByteArray();
    }

    public static List<Integer> decodeU16List(byte[] data, String what) throws TlsAlertException {
        TlsReader r = new TlsReader(data, what);
        TlsReader list = r.sub(2, 2, 0xfffe, "list");
        List<Integer> out = new ArrayList<>();
        while (list.hasRemaining()) {
            out.add(list.u16("entry"));
        }
        r.end();
        return out;
    }

    public static byte[] encodeVersions(List<Integer> versions) {
        return new TlsWriter().vector(1, w -> versions.forEach(w::u16)).toByteArray();
    }

    public static List<Integer> decodeVersions(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data, "supported_versions");
        TlsReader list = r.sub(1, 2, 254, "versions");
        List<Integer> out = new ArrayList<>();
        while (list.hasRemaining()) {
            out.add(list.u16("version"));
        }
        r.end();
        return out;
    }

    public static byte[] encodeU16(int value) {
        return new TlsWriter().u16(value).toByteArray();
    }

    public static int decodeU16(byte[] data, String what) throws TlsAlertException {
        TlsReader r = new TlsReader(data, what);
        int v = r.u16("value");
        r.end();
        return v;
    }

    public static byte[] encodeU8List(List<Integer> codes) {
        return new TlsWriter().vector(1, w -> codes.forEach(w::u8)).toByteArray();
    }

    public static List<Integer> decodeU8List(byte[] data, String what) throws TlsAlertException {
        TlsReader r = new TlsReader(data, what);
        TlsReader list = r.sub(1, 1, 255, "list");
        List<Integer> out = new ArrayList<>();
        while (list.hasRemaining()) {
            out.add(list.u8("entry"));
        }
        r.end();
        return out;
    }

    /** An extension that must be empty (early_data in ClientHello and EncryptedExtensions, server_name reply). */
    public static void decodeEmpty(byte[] data, String what) throws TlsAlertException {
        new TlsReader(data, what).end();
    }

    /** Cookie (RFC 8446 §4.2.2): {@code opaque cookie<1..2^16-1>}. */
    public static byte[] encodeOpaque16(byte[] value) {
        return new TlsWriter().vector(2, value).toByteArray();
    }

    public static byte[] decodeOpaque16(byte[] data, String what) throws TlsAlertException {
        TlsReader r = new TlsReader(data, what);
        byte[] v = r.vector(2, 1, 0xffff, what);
        r.end();
        return v;
    }

    /** early_data in NewSessionTicket: {@code uint32 max_early_data_size}. */
    public static long decodeU32(byte[] data, String what) throws TlsAlertException {
        TlsReader r = new TlsReader(data, what);
        long v = r.u32("value");
        r.end();
        return v;
    }
}
