package tlsconf.conformance.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * One deviation the test peer makes from a valid handshake, as data: scenarios are lists of faults, replay files
 * store them, the shrinker removes and simplifies them. The peer applies them through the reference
 * implementation's seam on its real code path.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Fault.Mutate.class, name = "mutate"),
    @JsonSubTypes.Type(value = Fault.Drop.class, name = "drop"),
    @JsonSubTypes.Type(value = Fault.Repeat.class, name = "repeat"),
    @JsonSubTypes.Type(value = Fault.SwapWithNext.class, name = "swap-with-next"),
    @JsonSubTypes.Type(value = Fault.Inject.class, name = "inject"),
    @JsonSubTypes.Type(value = Fault.Reprotect.class, name = "reprotect"),
    @JsonSubTypes.Type(value = Fault.ResendAfterHandshake.class, name = "resend-after-handshake"),
    @JsonSubTypes.Type(value = Fault.MirrorPeerFinished.class, name = "mirror-peer-finished"),
    @JsonSubTypes.Type(value = Fault.Fragment.class, name = "fragment"),
    @JsonSubTypes.Type(value = Fault.SkipChangeCipherSpec.class, name = "skip-change-cipher-spec"),
    @JsonSubTypes.Type(value = Fault.Oversize.class, name = "oversize"),
    @JsonSubTypes.Type(value = Fault.CorruptCiphertext.class, name = "corrupt-ciphertext"),
    @JsonSubTypes.Type(value = Fault.PresentCertificate.class, name = "present-certificate"),
    @JsonSubTypes.Type(value = Fault.SecureRenegotiation.class, name = "secure-renegotiation")
})
public sealed interface Fault {

    /** Changes the bytes of the peer's outgoing {@code message} before protection. */
    record Mutate(HandshakeType message, Mutation mutation) implements Fault {
        @Override
        public List<Fault> simpler() {
            return mutation.simpler().stream().map(m -> (Fault) new Mutate(message, m)).toList();
        }

        @Override
        public String describe() {
            // A length field names itself within the message: "ClientHello.cipher_suites length +1".
            return message.rfcName() + (mutation instanceof Mutation.LengthField ? "." : ": ") + mutation.describe();
        }
    }

    /** The peer does not send its {@code message} (SKIP deviations, CVE-2014-3572 style). */
    record Drop(HandshakeType message) implements Fault {
        @Override
        public String describe() {
            return "skip " + message.rfcName();
        }
    }

    /** The peer sends its {@code message} twice in a row. */
    record Repeat(HandshakeType message) implements Fault {
        @Override
        public String describe() {
            return "repeat " + message.rfcName();
        }
    }

    /** The peer sends its {@code message} after the message that should follow it. */
    record SwapWithNext(HandshakeType message) implements Fault {
        @Override
        public String describe() {
            return "send " + message.rfcName() + " after its successor";
        }
    }

    /**
     * The peer sends one extra record at {@code where}: raw content type (unknown ones allowed), protection, and
     * the plaintext fragment as hex.
     */
    record Inject(Anchor where, int contentType, Protection protection, String hex) implements Fault {
        @Override
        public String describe() {
            return "inject " + contentTypeName(contentType) + " record (" + hex.length() / 2 + " byte(s), "
                    + protection.name().toLowerCase(java.util.Locale.ROOT) + ") " + where.describe();
        }

        private static String contentTypeName(int code) {
            return tlsconf.model.vocabulary.ContentType.fromCode(code)
                    .map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).orElse("unknown type " + code);
        }
    }

    /** The peer sends its {@code message} under other keys than the handshake prescribes (e.g. in plaintext). */
    record Reprotect(HandshakeType message, Protection protection) implements Fault {
        @Override
        public String describe() {
            return "send " + message.rfcName() + " " + protection.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** After the handshake completed, the peer sends a copy of its {@code message} again (under current keys). */
    record ResendAfterHandshake(HandshakeType message) implements Fault {
        @Override
        public String describe() {
            return "send " + message.rfcName() + " again after the handshake";
        }
    }

    /** The peer's Finished carries the verify_data the target sent in its own Finished (reflection). */
    record MirrorPeerFinished() implements Fault {
        @Override
        public String describe() {
            return "Finished carries the other side's verify_data";
        }
    }

    /**
     * The peer splits its handshake messages into records of at most {@code maxFragment} bytes. Not a violation:
     * RFC 8446 §5.1 lets handshake messages span records, so a conforming target must accept it.
     */
    record Fragment(int maxFragment) implements Fault {
        @Override
        public String describe() {
            return "handshake fragmented into records of " + maxFragment + " byte(s)";
        }
    }

    /**
     * The peer sends one record of {@code length} plaintext bytes (a handshake-type record of zeros) at {@code
     * where}: more than 2^14 is {@code record_overflow} (RFC 8446 §5.1, §5.2).
     */
    record Oversize(Anchor where, Protection protection, int length) implements Fault {
        @Override
        public String describe() {
            return "oversize record of " + length + " byte(s) " + where.describe();
        }
    }

    /**
     * The peer flips bit {@code bit} of the protected record carrying its {@code message}, after encryption: the
     * AEAD tag no longer verifies, so the target MUST answer {@code bad_record_mac} (RFC 8446 §5.2).
     */
    record CorruptCiphertext(HandshakeType message, int bit) implements Fault {
        @Override
        public List<Fault> simpler() {
            return bit == 0 ? List.of() : List.of(new CorruptCiphertext(message, 0));
        }

        @Override
        public String describe() {
            return "flip bit " + bit + " of the record carrying " + message.rfcName();
        }
    }

    /** TLS 1.2: the peer leaves out its ChangeCipherSpec but still protects what follows (CVE-2014-6593). */
    record SkipChangeCipherSpec() implements Fault {
        @Override
        public String describe() {
            return "skip ChangeCipherSpec";
        }
    }

    /** The peer presents the certificate chain of a TestPki defect class instead of a good one. */
    record PresentCertificate(String defect) implements Fault {
        @Override
        public String describe() {
            return "present certificate with defect '" + defect + "'";
        }
    }

    /**
     * TLS 1.2, client peer: after the handshake it asks to renegotiate with a ClientHello under the connection's keys
     * that signals secure renegotiation as RFC 5746 §3.5 says (renegotiation_info carrying its client_verify_data,
     * no SCSV). The peer cannot complete a second handshake; a ServerHello is read back as the target renegotiating.
     */
    record SecureRenegotiation() implements Fault {
        @Override
        public String describe() {
            return "ClientHello for a secure renegotiation after the handshake (RFC 5746 §3.5)";
        }
    }

    /** Simpler variants of this fault for shrinking; empty when minimal. */
    default List<Fault> simpler() {
        return List.of();
    }

    String describe();
}
