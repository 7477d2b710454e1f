package tlsconf.impl.message;

import tlsconf.impl.codec.TlsWriter;

/** One extension as on the wire: its number (kept even when unknown) and its extension_data. */
public record Extension(int code, byte[] data) {
    public Extension(ExtensionType type, byte[] data) {
        this(type.code(), data);
    }

    public ExtensionType type() {
        return ExtensionType.of(code);
    }

    void write(TlsWriter w) {
        w.u16(code).vector(2, data);
    }

    @Override
    public String toString() {
        ExtensionType t = type();
        return (t == ExtensionType.UNKNOWN ? "extension_" + code : t.name().toLowerCase()) + "[" + data.length + "]";
    }
}
