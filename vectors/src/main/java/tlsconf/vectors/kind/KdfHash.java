package tlsconf.vectors.kind;

/** The hash of a KDF vector. */
public enum KdfHash {
    SHA1,
    SHA256,
    SHA384
}
