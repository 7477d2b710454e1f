package tlsconf.conformance.check.family;

import static tlsconf.model.vocabulary.HandshakeType.CLIENT_HELLO;
import static tlsconf.model.vocabulary.HandshakeType.ENCRYPTED_EXTENSIONS;
import static tlsconf.model.vocabulary.HandshakeType.FINISHED;
import static tlsconf.model.vocabulary.HandshakeType.SERVER_HELLO;

import java.util.EnumSet;
import java.util.List;
import tlsconf.conformance.check.Applicability;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.check.Requirement;
import tlsconf.conformance.scenario.Anchor;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.LengthFields;
import tlsconf.conformance.scenario.Mutation;
import tlsconf.conformance.scenario.Protection;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;

/** Family 4, TLS 1.3: malformed records and messages, and the well-formed oddities a target must accept. */
public final class MalformedChecks {
    private static final int MAX_PLAINTEXT = 1 << 14;
    /** The peer's Finished as a TLS 1.3 record body: handshake header, verify_data, inner type, AEAD tag. */
    private static final int PROTECTED_FINISHED = 4 + 32 + 1 + 16;
    private static final int SUPPORTED_VERSIONS = 43;
    private static final int KEY_SHARE = 51;
    /** The reserved GREASE extension types of RFC 8701 §2: 0x0a0a, 0x1a1a, ... 0xfafa. */
    static final int[] GREASE = java.util.stream.IntStream.range(0, 16).map(i -> (i << 12) | 0x0a00 | (i << 4) | 0x0a)
            .toArray();

    private MalformedChecks() {
    }

    public static List<Check> all() {
        return List.of(fragmented(), oversize(), unknownContentType(), corruptCiphertext(), lengthField(),
                unknownExtension(), unsolicitedExtension(), duplicateExtension());
    }

    private static Applicability both() {
        return Applicability.tls13(EnumSet.of(Role.CLIENT, Role.SERVER), Capability.OBSERVABLE_COMPLETION);
    }

    /** The first message of the peer's flight, which travels in plaintext. */
    private static HandshakeType firstMessage(Role targetRole) {
        return targetRole == Role.SERVER ? CLIENT_HELLO : SERVER_HELLO;
    }

    static Check fragmented() {
        return Check.of("tls13.record.fragmented-handshake", "malformed",
                Requirement.rfc8446("5.1", "Handshake messages may be split across records of any size down to one "
                        + "byte (and coalesced); a receiver MUST reassemble them."),
                "handshake completes", both(),
                (id, v, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, v, role).add(new Expectation.Accept("5.1"), new Fault.Fragment(1));
                    for (int size : fragmentSizes(profile)) {
                        s.add(new Expectation.Accept("5.1"), new Fault.Fragment(size));
                    }
                    return s.build();
                });
    }

    /**
     * Record sizes beyond 1 (which every profile plays): each size from 2 to 152 (the length of the peer's TLS 1.3
     * ClientHello with its header) cuts the peer's messages at other places, so headers, length fields and bodies
     * straddle records in every way; then the sizes around powers of two where buffers tend to be sized.
     */
    static List<Integer> fragmentSizes(Profile profile) {
        List<Integer> out = new java.util.ArrayList<>();
        if (profile == Profile.QUICK) {
            return out;
        }
        int upTo = profile == Profile.FULL ? 512 : 152;
        for (int size = 2; size <= upTo; size++) {
            out.add(size);
        }
        for (int power = 128; power <= 1 << 13; power *= 2) {
            for (int size : new int[] {power - 1, power, power + 1}) {
                if (size > upTo) {
                    out.add(size);
                }
            }
        }
        return out;
    }

    static Check oversize() {
        Expectation overflow = Expectation.Reject.of("5.1", AlertDescription.RECORD_OVERFLOW);
        return Check.of("tls13.record.oversize", "malformed",
                Requirement.rfc8446("5.1", "A record whose plaintext exceeds 2^14 bytes MUST be answered with "
                        + "record_overflow."),
                "fatal record_overflow", both(),
                (id, v, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, v, role)
                            .add(overflow, new Fault.Oversize(Anchor.before(firstMessage(role)), Protection.PLAINTEXT,
                                    MAX_PLAINTEXT + 1))
                            .add(overflow, new Fault.Oversize(Anchor.before(FINISHED), Protection.HANDSHAKE,
                                    MAX_PLAINTEXT + 1));
                    if (profile != Profile.QUICK) {
                        // The boundaries of §5.1 and §5.2: plaintext over 2^14, a TLSCiphertext over 2^14 + 256
                        // (a protected plaintext of 2^14 + 240 with its type byte and 16-byte tag), the largest
                        // length the 16-bit field can carry.
                        for (int length : new int[] {MAX_PLAINTEXT + 2, MAX_PLAINTEXT + 256, MAX_PLAINTEXT + 257,
                            0xffff}) {
                            s.add(overflow, new Fault.Oversize(Anchor.before(firstMessage(role)),
                                    Protection.PLAINTEXT, length));
                        }
                        for (int length : new int[] {MAX_PLAINTEXT + 2, MAX_PLAINTEXT + 239, MAX_PLAINTEXT + 240,
                            0xffff - 17}) {
                            s.add(overflow, new Fault.Oversize(Anchor.before(FINISHED), Protection.HANDSHAKE,
                                    length));
                        }
                    }
                    return s.build();
                });
    }

    static Check unknownContentType() {
        Expectation unexpected = Expectation.Reject.of("5", AlertDescription.UNEXPECTED_MESSAGE);
        return Check.of("tls13.record.unknown-content-type", "malformed",
                Requirement.rfc8446("5", "A record of an unexpected content type MUST be answered with "
                        + "unexpected_message."),
                "fatal unexpected_message", both(),
                (id, v, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, v, role)
                            .add(unexpected, new Fault.Inject(Anchor.before(firstMessage(role)), 99,
                                    Protection.PLAINTEXT, "00"))
                            .add(unexpected, new Fault.Inject(Anchor.before(FINISHED), 99, Protection.HANDSHAKE,
                                    "00"));
                    if (profile == Profile.QUICK) {
                        return s.build();
                    }
                    // Every unassigned value of the byte, outside and inside the protection (where the type is
                    // the inner one, read after decryption): a dispatch may index a table by it, treat it as a
                    // signed byte, or special-case a range. 24 (heartbeat, RFC 6520: silently discarded when not
                    // negotiated) and 25 (tls12_cid, RFC 9146) are left out.
                    for (int type = 0; type < 256; type++) {
                        if (type >= 20 && type <= 25 || type == 99) {
                            continue;
                        }
                        // A server may read a first byte with the high bit set as the header of an SSL 2.0
                        // compatible ClientHello (RFC 8446 §D.5, RFC 5246 §E.2) and wait for the length that
                        // header announces: those types go right after the ClientHello instead.
                        Anchor plain = role == Role.SERVER && type >= 0x80 ? Anchor.after(CLIENT_HELLO)
                                : Anchor.before(firstMessage(role));
                        s.add(unexpected, new Fault.Inject(plain, type, Protection.PLAINTEXT, "00"));
                        s.add(unexpected, new Fault.Inject(Anchor.before(FINISHED), type, Protection.HANDSHAKE,
                                "00"));
                    }
                    return s.build();
                });
    }

    static Check corruptCiphertext() {
        return Check.of("tls13.record.bad-mac", "malformed",
                Requirement.rfc8446("5.2", "A protected record that fails to decrypt (its AEAD tag does not verify) "
                        + "MUST be answered with bad_record_mac."),
                "fatal bad_record_mac", both(),
                (id, v, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, v, role);
                    Expectation badMac = Expectation.Reject.of("5.2", AlertDescription.BAD_RECORD_MAC);
                    if (profile == Profile.QUICK) {
                        // Bits past the 5-byte header: within the encrypted Finished.
                        for (int bit : Scenarios.sample(random, 49 * 8, 4)) {
                            s.add(badMac, new Fault.CorruptCiphertext(FINISHED, bit));
                        }
                        return s.build();
                    }
                    // Every bit of the protected Finished (handshake header 4 + verify_data 32 + inner type 1 +
                    // tag 16 = 53 bytes), as the Finished family does for verify_data: a flipped ciphertext bit and
                    // a flipped tag bit reach the AEAD check by different paths.
                    for (int bit = 0; bit < PROTECTED_FINISHED * 8; bit++) {
                        s.add(badMac, new Fault.CorruptCiphertext(FINISHED, bit));
                    }
                    return s.build();
                });
    }

    static Check lengthField() {
        Expectation decode = Expectation.Reject.of("6.2", AlertDescription.DECODE_ERROR,
                AlertDescription.UNEXPECTED_MESSAGE);
        return Check.of("tls13.message.length-mismatch", "malformed",
                Requirement.rfc8446("4", "A handshake message whose length fields do not match its content MUST be "
                        + "refused with decode_error (§6.2)."),
                "fatal decode_error", both(),
                (id, v, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, v, role);
                    if (role == Role.SERVER) {
                        s.add(decode, new Fault.Mutate(CLIENT_HELLO, new Mutation.LengthDelta(-1)));
                        s.add(decode, new Fault.Mutate(CLIENT_HELLO, new Mutation.Append("00")));
                        if (profile != Profile.QUICK) {
                            clientHelloLengthFields(s);
                        }
                    } else {
                        s.add(decode, new Fault.Mutate(ENCRYPTED_EXTENSIONS, new Mutation.LengthDelta(-1)));
                        s.add(decode, new Fault.Mutate(ENCRYPTED_EXTENSIONS, new Mutation.LengthDelta(1)));
                        s.add(decode, new Fault.Mutate(SERVER_HELLO, new Mutation.Append("00")));
                    }
                    return s.build();
                });
    }

    /**
     * Each length field of the peer's ClientHello (session id, cipher suites, compression methods, the extensions
     * block, every extension and the vectors inside the mandatory-to-implement extensions of RFC 8446 §9.2) one
     * byte short and one byte long, the rest of the message unchanged: the parser MUST notice (decode_error, §6.2;
     * illegal_parameter where the shifted bytes still parse but make no sense). The scenario names the field
     * ({@link Mutation.LengthField}: "ClientHello.cipher_suites length +1"), which the peer finds in its own
     * ClientHello when it plays; a change the reference server would still take is left out.
     */
    private static void clientHelloLengthFields(Scenarios s) {
        Expectation refuse = Expectation.Reject.of("4.1.2", AlertDescription.DECODE_ERROR,
                AlertDescription.ILLEGAL_PARAMETER);
        for (Mutation.LengthField m : LengthLies.ALL) {
            s.add(refuse, new Fault.Mutate(CLIENT_HELLO, m));
        }
    }

    /** The length-field changes of the peer's ClientHello, worked out once per JVM (each asks the reference). */
    private static final class LengthLies {
        static final List<Mutation.LengthField> ALL = derive();

        private static List<Mutation.LengthField> derive() {
            byte[] body = HelloLengths.peerClientHello(tlsconf.impl.cert.TestPki.DEFAULT_PEER_NAME);
            List<Mutation.LengthField> out = new java.util.ArrayList<>();
            for (LengthFields.Field f : HelloLengths.of(body)) {
                for (int delta : new int[] {-1, 1}) {
                    byte[] changed = f.apply(body, delta);
                    // A change that leaves a ClientHello the implementation still takes (the shifted bytes happen
                    // to frame valid vectors) tests acceptance, not refusal: never generated as a refusal.
                    if (changed != null && !HelloLengths.wellFormed(changed)) {
                        out.add(new Mutation.LengthField(f.name(), delta));
                    }
                }
            }
            return List.copyOf(out);
        }
    }

    static Check unknownExtension() {
        return Check.of("tls13.message.unknown-extension", "malformed",
                Requirement.rfc8446("4.2", "A server MUST ignore extensions in a ClientHello it does not recognise "
                        + "(including GREASE values, RFC 8701)."),
                "handshake completes", Applicability.tls13(EnumSet.of(Role.SERVER), Capability.OBSERVABLE_COMPLETION),
                (id, v, role, profile, random) -> {
                    // The peer's own transcript keeps the unmodified ClientHello (the seam changes only the
                    // wire), so it cannot finish this handshake: a ServerHello is the evidence of acceptance.
                    Scenarios s = new Scenarios(id, v, role)
                            .add(new Expectation.Accept("4.2"), List.of(Scenario.SERVER_HELLO_ACCEPTS),
                                    new Fault.Mutate(CLIENT_HELLO, new Mutation.AddExtension(0x1a1a, "")))
                            .add(new Expectation.Accept("4.2"), List.of(Scenario.SERVER_HELLO_ACCEPTS),
                                    new Fault.Mutate(CLIENT_HELLO, new Mutation.AddExtension(0xff77, "0102030405")));
                    if (profile == Profile.QUICK) {
                        return s.build();
                    }
                    // All sixteen GREASE values of RFC 8701 §2, empty and with a body, then unassigned types at
                    // the edges of the code space with bodies of awkward sizes (0, 1, 255, 256 bytes).
                    for (int grease : GREASE) {
                        for (String body : grease == 0x1a1a ? List.of("00") : List.of("", "00")) {
                            s.add(new Expectation.Accept("4.2"), List.of(Scenario.SERVER_HELLO_ACCEPTS),
                                    new Fault.Mutate(CLIENT_HELLO, new Mutation.AddExtension(grease, body)));
                        }
                    }
                    for (int type : new int[] {0xfe00, 0xfffe, 0xffff, 0x7fff, 0x8000}) {
                        for (int length : new int[] {0, 1, 255, 256}) {
                            s.add(new Expectation.Accept("4.2"), List.of(Scenario.SERVER_HELLO_ACCEPTS),
                                    new Fault.Mutate(CLIENT_HELLO, new Mutation.AddExtension(type,
                                            "a5".repeat(length))));
                        }
                    }
                    return s.build();
                });
    }

    static Check unsolicitedExtension() {
        return Check.of("tls13.message.unsolicited-extension", "malformed",
                Requirement.rfc8446("4.2", "An extension response the client did not offer MUST be answered with "
                        + "unsupported_extension."),
                "fatal unsupported_extension",
                Applicability.tls13(EnumSet.of(Role.CLIENT), Capability.OBSERVABLE_COMPLETION),
                (id, v, role, profile, random) -> {
                    Expectation unsupported = Expectation.Reject.of("4.2", AlertDescription.UNSUPPORTED_EXTENSION);
                    Scenarios s = new Scenarios(id, v, role).add(unsupported,
                            new Fault.Mutate(ENCRYPTED_EXTENSIONS, new Mutation.AddExtension(0xff77, "00")));
                    if (profile == Profile.QUICK) {
                        return s.build();
                    }
                    // No client offers a GREASE extension for the server to answer, and RFC 8701 §3 has the
                    // client fail the connection on one: each value in ServerHello and in EncryptedExtensions.
                    for (int grease : GREASE) {
                        s.add(unsupported, new Fault.Mutate(SERVER_HELLO, new Mutation.AddExtension(grease, "")));
                        s.add(unsupported, new Fault.Mutate(ENCRYPTED_EXTENSIONS,
                                new Mutation.AddExtension(grease, "")));
                    }
                    return s.build();
                });
    }

    static Check duplicateExtension() {
        Expectation dup = Expectation.Reject.of("4.2", AlertDescription.ILLEGAL_PARAMETER,
                AlertDescription.DECODE_ERROR);
        return Check.of("tls13.message.duplicate-extension", "malformed",
                Requirement.rfc8446("4.2", "There MUST NOT be more than one extension of the same type in an "
                        + "extension block; a receiver refuses a duplicate (illegal_parameter)."),
                "fatal illegal_parameter", both(),
                (id, v, role, profile, random) -> {
                    HandshakeType m = firstMessage(role);
                    Scenarios s = new Scenarios(id, v, role)
                            .add(dup, new Fault.Mutate(m, new Mutation.DuplicateExtension(SUPPORTED_VERSIONS)))
                            .add(dup, new Fault.Mutate(m, new Mutation.DuplicateExtension(KEY_SHARE)));
                    if (profile != Profile.QUICK && role == Role.SERVER) {
                        // The peer's other ClientHello extensions: server_name, supported_groups,
                        // signature_algorithms (RFC 8446 §9.2: all mandatory to implement).
                        for (int type : new int[] {0, 10, 13}) {
                            s.add(dup, new Fault.Mutate(m, new Mutation.DuplicateExtension(type)));
                        }
                    }
                    return s.build();
                });
    }
}
