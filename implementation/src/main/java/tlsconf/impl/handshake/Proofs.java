package tlsconf.impl.handshake;

import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.util.Arrays;
import tlsconf.impl.RandomSource;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.impl.crypto.KeySchedule;
import tlsconf.impl.crypto.PeerKeyCache;
import tlsconf.impl.crypto.Signatures;
import tlsconf.impl.message.CertificateVerify;
import tlsconf.impl.message.Finished;

/** Making and checking the two handshake proofs: Finished (RFC 8446 §4.4.4) and CertificateVerify (§4.4.3). */
final class Proofs {
    private Proofs() {
    }

    static Finished finished(HashAlgorithm hash, byte[] baseKey, byte[] transcriptHash) {
        return new Finished(KeySchedule.verifyData(hash, baseKey, transcriptHash));
    }

    /** A Finished of the wrong length is {@code decode_error}; a wrong value is {@code decrypt_error} (§4.4.4). */
    static void checkFinished(Finished received, HashAlgorithm hash, byte[] baseKey, byte[] transcriptHash)
            throws TlsAlertException {
        if (received.verifyData().length != hash.length()) {
            throw Violation.BAD_FINISHED_LENGTH.alert("Finished of " + received.verifyData().length
                    + " bytes, expected " + hash.length());
        }
        byte[] expected = KeySchedule.verifyData(hash, baseKey, transcriptHash);
        if (!Arrays.constantTimeAreEqual(expected, received.verifyData())) {
            throw Violation.FINISHED_MISMATCH.alert();
        }
    }

    /** Our signature scheme: the first of ours that fits our key and that the peer offered (§4.4.2.2). */
    static SignatureScheme chooseScheme(TlsConfig config, AsymmetricKeyParameter key, List<Integer> peerOffered)
            throws TlsAlertException {
        for (SignatureScheme s : config.signatureSchemes()) {
            if (s.allowedInCertificateVerify() && peerOffered.contains(s.code()) && Signatures.fits(s, key)) {
                return s;
            }
        }
        throw Violation.NO_COMMON_SIGNATURE_SCHEME.alert("none of the peer's signature_algorithms " + peerOffered
                + " fits our key");
    }

    static CertificateVerify certificateVerify(boolean fromServer, SignatureScheme scheme,
            AsymmetricKeyParameter key, byte[] transcriptHash, RandomSource random) {
        byte[] content = Signatures.certificateVerifyContent(fromServer, transcriptHash);
        return new CertificateVerify(scheme.code(), Signatures.sign(scheme, key, content, random));
    }

    /**
     * Checks the peer's CertificateVerify: the scheme must be one we offered and allowed in TLS 1.3
     * ({@code illegal_parameter}) and fit the leaf key; a bad signature is {@code decrypt_error} (§4.4.3).
     */
    static SignatureScheme checkCertificateVerify(CertificateVerify cv, List<SignatureScheme> offered,
            X509Certificate leaf, PeerKeyCache keys, boolean fromServer, byte[] transcriptHash)
            throws TlsAlertException {
        SignatureScheme scheme = SignatureScheme.fromCode(cv.scheme()).orElseThrow(
                () -> Violation.UNOFFERED_SIGNATURE_SCHEME.alert(String.format(
                        "CertificateVerify with unknown scheme 0x%04x", cv.scheme())));
        if (!offered.contains(scheme) || !scheme.allowedInCertificateVerify()) {
            throw Violation.UNOFFERED_SIGNATURE_SCHEME.alert("CertificateVerify with " + scheme
                    + (scheme.allowedInCertificateVerify() ? ", which we did not offer" : ", not allowed in TLS 1.3"));
        }
        AsymmetricKeyParameter key;
        try {
            key = keys.publicKey(leaf.getPublicKey());
        } catch (IllegalArgumentException e) {
            throw Violation.CERTIFICATE_REJECTED.alert(tlsconf.model.vocabulary.AlertDescription
                    .UNSUPPORTED_CERTIFICATE, e.getMessage());
        }
        if (!Signatures.fits(scheme, key)) {
            throw Violation.UNOFFERED_SIGNATURE_SCHEME.alert("CertificateVerify scheme " + scheme
                    + " does not fit the certificate's " + leaf.getPublicKey().getAlgorithm() + " key");
        }
        byte[] content = Signatures.certificateVerifyContent(fromServer, transcriptHash);
        if (!Signatures.verify(scheme, key, content, cv.signature())) {
            throw Violation.BAD_CERTIFICATE_VERIFY.alert("CertificateVerify " + scheme + " signature invalid");
        }
        return scheme;
    }
}
