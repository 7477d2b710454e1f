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
import tlsconf.conformance.check.Requirement;
import tlsconf.conformance.scenario.Anchor;
import tlsconf.conformance.scenario.Fault;
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
    private static final int SUPPORTED_VERSIONS = 43;
    private static final int KEY_SHARE = 51;

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
                    if (profile != tlsconf.conformance.check.Profile.QUICK) {
                        s.add(new Expectation.Accept("5.1"), new Fault.Fragment(2 + random.nextInt(61)));
                    }
                    return s.build();
                });
    }

    static Check oversize() {
        Expectation overflow = Expectation.Reject.of("5.1", AlertDescription.RECORD_OVERFLOW);
        return Check.of("tls13.record.oversize", "malformed",
                Requirement.rfc8446("5.1", "A record whose plaintext exceeds 2^14 bytes MUST be answered with "
                        + "record_overflow."),
                "fatal record_overflow", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(overflow, new Fault.Oversize(Anchor.before(firstMessage(role)), Protection.PLAINTEXT,
                                MAX_PLAINTEXT + 1))
                        .add(overflow, new Fault.Oversize(Anchor.before(FINISHED), Protection.HANDSHAKE,
                                MAX_PLAINTEXT + 1))
                        .build());
    }

    static Check unknownContentType() {
        Expectation unexpected = Expectation.Reject.of("5", AlertDescription.UNEXPECTED_MESSAGE);
        return Check.of("tls13.record.unknown-content-type", "malformed",
                Requirement.rfc8446("5", "A record of an unexpected content type MUST be answered with "
                        + "unexpected_message."),
                "fatal unexpected_message", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(unexpected, new Fault.Inject(Anchor.before(firstMessage(role)), 99, Protection.PLAINTEXT,
                                "00"))
                        .add(unexpected, new Fault.Inject(Anchor.before(FINISHED), 99, Protection.HANDSHAKE, "00"))
                        .build());
    }

    static Check corruptCiphertext() {
        return Check.of("tls13.record.bad-mac", "malformed",
                Requirement.rfc8446("5.2", "A protected record that fails to decrypt (its AEAD tag does not verify) "
                        + "MUST be answered with bad_record_mac."),
                "fatal bad_record_mac", both(),
                (id, v, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, v, role);
                    Expectation badMac = Expectation.Reject.of("5.2", AlertDescription.BAD_RECORD_MAC);
                    // Bits past the 5-byte header: within the encrypted Finished (32 + 1 + 16 bytes).
                    int count = profile.sample(49 * 8, 4, 16);
                    for (int bit : Scenarios.sample(random, 49 * 8, count)) {
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
                    } else {
                        s.add(decode, new Fault.Mutate(ENCRYPTED_EXTENSIONS, new Mutation.LengthDelta(-1)));
                        s.add(decode, new Fault.Mutate(ENCRYPTED_EXTENSIONS, new Mutation.LengthDelta(1)));
                        s.add(decode, new Fault.Mutate(SERVER_HELLO, new Mutation.Append("00")));
                    }
                    return s.build();
                });
    }

    static Check unknownExtension() {
        return Check.of("tls13.message.unknown-extension", "malformed",
                Requirement.rfc8446("4.2", "A server MUST ignore extensions in a ClientHello it does not recognise "
                        + "(including GREASE values, RFC 8701)."),
                "handshake completes", Applicability.tls13(EnumSet.of(Role.SERVER), Capability.OBSERVABLE_COMPLETION),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        // The peer's own transcript keeps the unmodified ClientHello (the seam changes only the
                        // wire), so it cannot finish this handshake: a ServerHello is the evidence of acceptance.
                        .add(new Expectation.Accept("4.2"), List.of(Scenario.SERVER_HELLO_ACCEPTS),
                                new Fault.Mutate(CLIENT_HELLO, new Mutation.AddExtension(0x1a1a, "")))
                        .add(new Expectation.Accept("4.2"), List.of(Scenario.SERVER_HELLO_ACCEPTS),
                                new Fault.Mutate(CLIENT_HELLO, new Mutation.AddExtension(0xff77, "0102030405")))
                        .build());
    }

    static Check unsolicitedExtension() {
        return Check.of("tls13.message.unsolicited-extension", "malformed",
                Requirement.rfc8446("4.2", "An extension response the client did not offer MUST be answered with "
                        + "unsupported_extension."),
                "fatal unsupported_extension",
                Applicability.tls13(EnumSet.of(Role.CLIENT), Capability.OBSERVABLE_COMPLETION),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(Expectation.Reject.of("4.2", AlertDescription.UNSUPPORTED_EXTENSION),
                                new Fault.Mutate(ENCRYPTED_EXTENSIONS, new Mutation.AddExtension(0xff77, "00")))
                        .build());
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
                    return new Scenarios(id, v, role)
                            .add(dup, new Fault.Mutate(m, new Mutation.DuplicateExtension(SUPPORTED_VERSIONS)))
                            .add(dup, new Fault.Mutate(m, new Mutation.DuplicateExtension(KEY_SHARE)))
                            .build();
                });
    }
}
