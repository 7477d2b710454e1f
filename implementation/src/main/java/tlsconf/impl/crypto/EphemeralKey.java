package tlsconf.impl.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X448PrivateKeyParameters;
import org.bouncycastle.crypto.params.X448PublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.RandomSource;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;

/** One side's ephemeral (EC)DHE key for a group: its key_share bytes and the agreement with the peer's share. */
public final class EphemeralKey {
    private static final ECDomainParameters P256 = domain("secp256r1");
    private static final ECDomainParameters P384 = domain("secp384r1");

    private final NamedGroup group;
    private final byte[] privateKey;
    private final byte[] publicKey;

    private EphemeralKey(NamedGroup group, byte[] privateKey, byte[] publicKey) {
        this.group = group;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    private static ECDomainParameters domain(String name) {
        X9ECParameters p = CustomNamedCurves.getByName(name);
        return new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH(), p.getSeed());
    }

    private static ECDomainParameters ecDomain(NamedGroup g) {
        return g == NamedGroup.SECP256R1 ? P256 : P384;
    }

    /** A fresh key from the injected randomness. */
    public static EphemeralKey generate(NamedGroup group, RandomSource random) {
        switch (group) {
            case X25519: {
                byte[] k = new byte[32];
                random.nextBytes(k);
                return fromPrivate(group, k);
            }
            case X448: {
                byte[] k = new byte[56];
                random.nextBytes(k);
                return fromPrivate(group, k);
            }
            case SECP256R1:
            case SECP384R1: {
                ECDomainParameters d = ecDomain(group);
                int len = (d.getN().bitLength() + 7) / 8;
                for (int i = 0; i < 100; i++) {
                    byte[] k = new byte[len];
                    random.nextBytes(k);
                    BigInteger s = new BigInteger(1, k);
                    if (s.signum() > 0 && s.compareTo(d.getN()) < 0) {
                        return fromPrivate(group, k);
                    }
                }
                throw new IllegalStateException("random source gave no valid scalar in 100 tries");
            }
            default:
                throw new IllegalArgumentException("group " + group);
        }
    }

    /** A key from fixed private bytes (RFC 8448 gives the x25519 private keys): deterministic handshakes. */
    public static EphemeralKey fromPrivate(NamedGroup group, byte[] privateKey) {
        switch (group) {
            case X25519:
                return new EphemeralKey(group, privateKey.clone(),
                        new X25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded());
            case X448:
                return new EphemeralKey(group, privateKey.clone(),
                        new X448PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded());
            case SECP256R1:
            case SECP384R1: {
                ECDomainParameters d = ecDomain(group);
                ECPoint q = d.getG().multiply(new BigInteger(1, privateKey)).normalize();
                return new EphemeralKey(group, privateKey.clone(), q.getEncoded(false));
            }
            default:
                throw new IllegalArgumentException("group " + group);
        }
    }

    public NamedGroup group() {
        return group;
    }

    /** The key_exchange bytes of our KeyShareEntry (RFC 8446 §4.2.8.2). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The shared secret with the peer's key_exchange. An invalid share (wrong length, point not on the curve,
     * compressed form, all-zero x25519 result) is {@code illegal_parameter} (RFC 8446 §4.2.8.2, §7.4).
     */
    public byte[] agree(byte[] peerShare) throws TlsAlertException {
        if (peerShare.length != group.shareLength()) {
            throw Violation.BAD_KEY_SHARE.alert(group + " key share of " + peerShare.length + " bytes, expected "
                    + group.shareLength());
        }
        try {
            switch (group) {
                case X25519: {
                    byte[] out = new byte[32];
                    new X25519PrivateKeyParameters(privateKey, 0)
                            .generateSecret(new X25519PublicKeyParameters(peerShare, 0), out, 0);
                    return out;
                }
                case X448: {
                    byte[] out = new byte[56];
                    new X448PrivateKeyParameters(privateKey, 0)
                            .generateSecret(new X448PublicKeyParameters(peerShare, 0), out, 0);
                    return out;
                }
                case SECP256R1:
                case SECP384R1: {
                    if (peerShare[0] != 4) {
                        throw Violation.BAD_KEY_SHARE.alert(group + " key share not in uncompressed form");
                    }
                    ECDomainParameters d = ecDomain(group);
                    ECPoint q = d.getCurve().decodePoint(peerShare);
                    ECDHBasicAgreement a = new ECDHBasicAgreement();
                    a.init(new ECPrivateKeyParameters(new BigInteger(1, privateKey), d));
                    BigInteger z = a.calculateAgreement(new ECPublicKeyParameters(q, d));
                    return BigIntegers.asUnsignedByteArray((d.getCurve().getFieldSize() + 7) / 8, z);
                }
                default:
                    throw new IllegalArgumentException("group " + group);
            }
        } catch (RuntimeException e) {
            throw Violation.BAD_KEY_SHARE.alert(group + " key share rejected: " + e.getMessage());
        }
    }
}
