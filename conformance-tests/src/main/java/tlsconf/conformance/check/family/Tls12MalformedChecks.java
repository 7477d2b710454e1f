package tlsconf.conformance.check.family;

import static tlsconf.model.vocabulary.HandshakeType.CLIENT_HELLO;
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
import tlsconf.conformance.scenario.Mutation;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.scenario.Protection;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** Family 4, TLS 1.2 (RFC 5246 §6): malformed records, and the fragmentation a receiver must accept. */
public final class Tls12MalformedChecks {
    private static final int MAX_PLAINTEXT = 1 << 14;
    /** The peer's Finished record under AES-128-GCM: 8-byte explicit nonce, 16-byte message, 16-byte tag. */
    private static final int FINISHED_RECORD_BITS = (8 + 16 + 16) * 8;

    private Tls12MalformedChecks() {
    }

    public static List<Check> all() {
        return List.of(fragmented(), oversize(), unknownContentType(), badMac(), lengthField(), unknownExtension(),
                unsolicitedExtension());
    }

    private static Applicability both() {
        return new Applicability(EnumSet.of(TlsVersion.TLS_1_2), EnumSet.of(Role.CLIENT, Role.SERVER),
                EnumSet.of(Capability.OBSERVABLE_COMPLETION));
    }

    private static HandshakeType firstMessage(Role targetRole) {
        return targetRole == Role.SERVER ? CLIENT_HELLO : SERVER_HELLO;
    }

    static Check fragmented() {
        return Check.of("tls12.record.fragmented-handshake", "malformed",
                Requirement.rfc5246("6.2.1", "The record layer fragments data into records of 2^14 bytes or less; "
                        + "handshake messages may span records, so a receiver MUST reassemble 1-byte fragments."),
                "handshake completes", both(),
                (id, v, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, v, role).add(new Expectation.Accept("6.2.1"),
                            new Fault.Fragment(1));
                    if (profile != Profile.QUICK) {
                        s.add(new Expectation.Accept("6.2.1"), new Fault.Fragment(2 + random.nextInt(61)));
                    }
                    return s.build();
                });
    }

    static Check oversize() {
        Expectation overflow = Expectation.Reject.of("6.2.1", AlertDescription.RECORD_OVERFLOW);
        return Check.of("tls12.record.oversize", "malformed",
                Requirement.rfc5246("6.2.1", "TLSPlaintext.length MUST NOT exceed 2^14; a longer record is "
                        + "record_overflow (§7.2.2)."),
                "fatal record_overflow", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(overflow, new Fault.Oversize(Anchor.before(firstMessage(role)), Protection.PLAINTEXT,
                                MAX_PLAINTEXT + 1))
                        .build());
    }

    static Check unknownContentType() {
        Expectation unexpected = Expectation.Reject.of("6", AlertDescription.UNEXPECTED_MESSAGE);
        return Check.of("tls12.record.unknown-content-type", "malformed",
                Requirement.rfc5246("6", "A record of an unexpected content type MUST be answered with "
                        + "unexpected_message."),
                "fatal unexpected_message", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(unexpected, new Fault.Inject(Anchor.before(firstMessage(role)), 99,
                                Protection.PLAINTEXT, "00"))
                        .add(unexpected, new Fault.Inject(Anchor.before(FINISHED), 99, Protection.CURRENT, "00"))
                        .build());
    }

    static Check badMac() {
        return Check.of("tls12.record.bad-mac", "malformed",
                Requirement.rfc5246("6.2.3.3", "A record whose AEAD decryption fails MUST be answered with a fatal "
                        + "bad_record_mac."),
                "fatal bad_record_mac", both(),
                (id, v, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, v, role);
                    Expectation badMac = Expectation.Reject.of("6.2.3.3", AlertDescription.BAD_RECORD_MAC);
                    for (int bit : Scenarios.sample(random, FINISHED_RECORD_BITS,
                            profile.sample(FINISHED_RECORD_BITS, 4, 16))) {
                        s.add(badMac, new Fault.CorruptCiphertext(FINISHED, bit));
                    }
                    return s.build();
                });
    }

    static Check lengthField() {
        Expectation decode = Expectation.Reject.of("7.2.2", AlertDescription.DECODE_ERROR,
                AlertDescription.UNEXPECTED_MESSAGE);
        return Check.of("tls12.message.length-mismatch", "malformed",
                Requirement.rfc5246("7.2.2", "A handshake message whose length field does not match its content, "
                        + "or with bytes after its last field, cannot be decoded: decode_error."),
                "fatal decode_error", both(),
                (id, v, role, profile, random) -> {
                    HandshakeType m = firstMessage(role);
                    return new Scenarios(id, v, role)
                            .add(decode, new Fault.Mutate(m, new Mutation.LengthDelta(-1)))
                            .add(decode, new Fault.Mutate(m, new Mutation.Append("00")))
                            .build();
                });
    }

    static Check unknownExtension() {
        return Check.of("tls12.message.unknown-extension", "malformed",
                Requirement.rfc5246("7.4.1.4", "A server MUST ignore ClientHello extensions it does not recognise "
                        + "(GREASE values too, RFC 8701)."),
                "handshake completes", new Applicability(EnumSet.of(TlsVersion.TLS_1_2), EnumSet.of(Role.SERVER),
                        EnumSet.of(Capability.OBSERVABLE_COMPLETION)),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        // The peer's transcript keeps its unmodified ClientHello, so the ServerHello is the evidence.
                        .add(new Expectation.Accept("7.4.1.4"), List.of(Scenario.SERVER_HELLO_ACCEPTS),
                                new Fault.Mutate(CLIENT_HELLO, new Mutation.AddExtension(0x1a1a, "")))
                        .add(new Expectation.Accept("7.4.1.4"), List.of(Scenario.SERVER_HELLO_ACCEPTS),
                                new Fault.Mutate(CLIENT_HELLO, new Mutation.AddExtension(0xff77, "0102030405")))
                        .build());
    }

    static Check unsolicitedExtension() {
        return Check.of("tls12.message.unsolicited-extension", "malformed",
                Requirement.rfc5246("7.4.1.4", "A ServerHello extension the client did not offer MUST make the "
                        + "client abort with unsupported_extension."),
                "fatal unsupported_extension", new Applicability(EnumSet.of(TlsVersion.TLS_1_2),
                        EnumSet.of(Role.CLIENT), EnumSet.of(Capability.OBSERVABLE_COMPLETION)),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(Expectation.Reject.of("7.4.1.4", AlertDescription.UNSUPPORTED_EXTENSION),
                                new Fault.Mutate(SERVER_HELLO, new Mutation.AddExtension(0xff77, "00")))
                        .build());
    }
}
