package tlsconf.impl.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;

/** An extension block {@code Extension extensions<0..2^16-1>} (RFC 8446 §4.2), in wire order. */
public record Extensions(List<Extension> list) {
    public static final Extensions NONE = new Extensions(List.of());

    public Extensions {
        list = List.copyOf(list);
    }

    public static Extensions of(Extension... e) {
        return new Extensions(List.of(e));
    }

    /** Reads the block; two extensions of one type are {@code illegal_parameter} (RFC 8446 §4.2). */
    public static Extensions read(TlsReader r, String where) throws TlsAlertException {
        TlsReader block = r.sub(2, 0, 0xffff, "extensions");
        List<Extension> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        while (block.hasRemaining()) {
            int code = block.u16("extension_type");
            byte[] data = block.vector(2, 0, 0xffff, "extension_data");
            if (!seen.add(code)) {
                throw Violation.DUPLICATE_EXTENSION.alert(where + ": extension " + ExtensionType.of(code) + " ("
                        + code + ") appears twice");
            }
            out.add(new Extension(code, data));
        }
        return new Extensions(Collections.unmodifiableList(out));
    }

    public void write(TlsWriter w) {
        w.vector(2, b -> {
            for (Extension e : list) {
                e.write(b);
            }
        });
    }

    public Optional<Extension> find(ExtensionType type) {
        for (Extension e : list) {
            if (e.code() == type.code()) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Optional<byte[]> data(ExtensionType type) {
        return find(type).map(Extension::data);
    }

    public boolean has(ExtensionType type) {
        return find(type).isPresent();
    }

    /** The data of a required extension; absent is {@code missing_extension} (RFC 8446 §9.2). */
    public byte[] require(ExtensionType type, String where) throws TlsAlertException {
        return data(type).orElseThrow(() -> Violation.MISSING_EXTENSION.alert(where + " lacks " + type));
    }

    /** Extensions whose type is outside {@code allowed} (unknown ones included). */
    public List<Extension> outside(Set<ExtensionType> allowed) {
        List<Extension> out = new ArrayList<>();
        for (Extension e : list) {
            if (!allowed.contains(e.type())) {
                out.add(e);
            }
        }
        return out;
    }

    public Extensions with(Extension e) {
        List<Extension> l = new ArrayList<>(list);
        l.add(e);
        return new Extensions(l);
    }

    public Extensions without(ExtensionType type) {
        List<Extension> l = new ArrayList<>(list);
        l.removeIf(e -> e.code() == type.code());
        return new Extensions(l);
    }
}
