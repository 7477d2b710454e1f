package tlsconf.vectors;

/**
 * One problem in one vector file: the file (path or jar entry), the field as a JSON pointer (RFC 6901; empty for
 * the whole file) and the reason.
 */
public record VectorError(String file, String pointer, String reason) {
    @Override
    public String toString() {
        return file + ": " + (pointer.isEmpty() ? "(file)" : pointer) + ": " + reason;
    }
}
