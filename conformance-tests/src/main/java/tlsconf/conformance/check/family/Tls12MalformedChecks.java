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
        return List.of(fragmented(), oversize(), unknownContentType(), badMac());
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
}
