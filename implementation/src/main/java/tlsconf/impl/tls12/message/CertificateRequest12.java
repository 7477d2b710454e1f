package tlsconf.impl.tls12.message;

import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * CertificateRequest in its TLS 1.2 form (RFC 5246 §7.4.4): {@code ClientCertificateType certificate_types<1..2^8-1>},
 * {@code SignatureAndHashAlgorithm supported_signature_algorithms<2..2^16-2>}, {@code DistinguishedName
 * certificate_authorities<0..2^16-1>}.
 */
public record CertificateRequest12(List<Integer> certificateTypes, List<Integer> signatureSchemes,
        List<byte[]> authorities) implements Tls12Message {
    /** ClientCertificateType rsa_sign (RFC 5246 §7.4.4). */
    public static final int RSA_SIGN = 1;
    /** ClientCertificateType ecdsa_sign (RFC 8422 §5.5). */
    public static final int ECDSA_SIGN = 64;

    public CertificateRequest12 {
        certificateTypes = List.copyOf(certificateTypes);
        signatureSchemes = List.copyOf(signatureSchemes);
        authorities = List.copyOf(authorities);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.vector(1, b -> certificateTypes.forEach(b::u8));
        w.vector(2, b -> signatureSchemes.forEach(b::u16));
        w.vector(2, b -> authorities.forEach(a -> b.vector(2, a)));
    }

    public static CertificateRequest12 decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "CertificateRequest");
        List<Integer> types = new ArrayList<>();
        TlsReader t = r.sub(1, 1, 0xff, "certificate_types");
        while (t.hasRemaining()) {
            types.add(t.u8("certificate_type"));
        }
        List<Integer> schemes = new ArrayList<>();
        TlsReader s = r.sub(2, 2, 0xfffe, "supported_signature_algorithms");
        while (s.hasRemaining()) {
            schemes.add(s.u16("signature_algorithm"));
        }
        List<byte[]> cas = new ArrayList<>();
        TlsReader a = r.sub(2, 0, 0xffff, "certificate_authorities");
        while (a.hasRemaining()) {
            cas.add(a.vector(2, 1, 0xffff, "DistinguishedName"));
        }
        r.end();
        return new CertificateRequest12(types, schemes, cas);
    }
}
