package tlsconf.vectors.kind;

/** The kind-specific content of a vector file; switch over it exhaustively. */
public sealed interface VectorBody permits Transcript, Kdf, Negative, CertificateCases, Recording, Wycheproof {
}
