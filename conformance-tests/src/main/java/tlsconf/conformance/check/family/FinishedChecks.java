package tlsconf.conformance.check.family;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import tlsconf.conformance.check.Applicability;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Requirement;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Mutation;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;

/**
 * Family 2: the test peer's Finished is wrong, and the target must refuse it (RFC 8446 §4.4.4). The peer
 * negotiates a SHA-256 suite, so verify_data is 32 bytes (256 bits).
 */
public final class FinishedChecks {
    static final int VERIFY_DATA_BITS = 256;
    static final int VERIFY_DATA_BYTES = VERIFY_DATA_BITS / 8;
    private static final HandshakeType FIN = HandshakeType.FINISHED;

    private FinishedChecks() {
    }

    public static List<Check> all() {
        return List.of(corrupted(), wrongLength(), forged(), mirrored());
    }

    private static Applicability bothRoles() {
        return Applicability.tls13(EnumSet.of(Role.CLIENT, Role.SERVER), Capability.OBSERVABLE_COMPLETION);
    }

    /** Every bit of verify_data flipped in turn (default profile: all 256; quick: a seeded sample of 16). */
    static Check corrupted() {
        return Check.of("tls13.finished.corrupted", "finished",
                Requirement.rfc8446("4.4.4", "The recipient of a Finished message MUST verify its contents and, "
                        + "if they are incorrect, terminate the connection with a decrypt_error alert."),
                "fatal decrypt_error",
                bothRoles(),
                (id, version, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, version, role);
                    Expectation reject = Expectation.Reject.of("4.4.4", AlertDescription.DECRYPT_ERROR);
                    for (int bit : Scenarios.sample(random, VERIFY_DATA_BITS,
                            profile.sample(VERIFY_DATA_BITS, 16, VERIFY_DATA_BITS))) {
                        s.add(reject, new Fault.Mutate(FIN, new Mutation.FlipBit(bit)));
                    }
                    return s.build();
                });
    }

    /**
     * A Finished of the wrong length cannot be decoded: decode_error (RFC 8446 §6.2 defines it for this). Default
     * profile: every length from 0 to 64 bytes but 32; quick: 31, 0 and 33.
     */
    static Check wrongLength() {
        return Check.of("tls13.finished.wrong-length", "finished",
                Requirement.rfc8446("4.4.4", "verify_data is exactly Hash.length bytes; a message whose length is "
                        + "wrong cannot be decoded and is answered with decode_error (§6.2)."),
                "fatal decode_error",
                bothRoles(),
                (id, version, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, version, role);
                    // decrypt_error is tolerated: some stacks compare before they check the length.
                    Expectation reject = Expectation.Reject.of("6.2", AlertDescription.DECODE_ERROR,
                            AlertDescription.DECRYPT_ERROR);
                    if (profile == tlsconf.conformance.check.Profile.QUICK) {
                        s.add(reject, new Fault.Mutate(FIN, new Mutation.Truncate(31)));
                        s.add(reject, new Fault.Mutate(FIN, new Mutation.Truncate(0)));
                        s.add(reject, new Fault.Mutate(FIN, new Mutation.Append("00")));
                        return s.build();
                    }
                    // Every wrong length from empty to twice Hash.length: a length check is one comparison, and
                    // each length meets it from another side (short by one, by a block, empty, long by one...).
                    for (int length = 0; length < VERIFY_DATA_BYTES; length++) {
                        s.add(reject, new Fault.Mutate(FIN, new Mutation.Truncate(length)));
                    }
                    for (int extra = 1; extra <= VERIFY_DATA_BYTES; extra++) {
                        s.add(reject, new Fault.Mutate(FIN, new Mutation.Append("00".repeat(extra))));
                    }
                    return s.build();
                });
    }

    /** verify_data of the right length but not computed from the right key and transcript. */
    static Check forged() {
        return Check.of("tls13.finished.forged", "finished",
                Requirement.rfc8446("4.4.4", "verify_data is an HMAC over the transcript under the finished key; "
                        + "any other value MUST be rejected with decrypt_error."),
                "fatal decrypt_error",
                bothRoles(),
                (id, version, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, version, role);
                    Expectation reject = Expectation.Reject.of("4.4.4", AlertDescription.DECRYPT_ERROR);
                    s.add(reject, new Fault.Mutate(FIN, new Mutation.ZeroFill()));
                    int randoms = profile.sample(64, 2, 8);
                    for (int i = 0; i < randoms; i++) {
                        byte[] b = new byte[32];
                        random.nextBytes(b);
                        // From the target's side a random value is a MAC under an unknown key / transcript.
                        s.add(reject, new Fault.Mutate(FIN, new Mutation.Replace(HexFormat.of().formatHex(b))));
                    }
                    return s.build();
                });
    }

    /**
     * Reflection: the client echoes the server's verify_data. Only a client peer has seen the other Finished
     * before sending its own, so this applies to server targets.
     */
    static Check mirrored() {
        return Check.of("tls13.finished.reflected", "finished",
                Requirement.rfc8446("4.4.4", "Each side's verify_data uses its own finished key; the server MUST "
                        + "reject a client Finished that repeats the server's verify_data (decrypt_error)."),
                "fatal decrypt_error",
                Applicability.tls13(EnumSet.of(Role.SERVER), Capability.OBSERVABLE_COMPLETION),
                (id, version, role, profile, random) -> new Scenarios(id, version, role)
                        .add(Expectation.Reject.of("4.4.4", AlertDescription.DECRYPT_ERROR),
                                new Fault.MirrorPeerFinished())
                        .build());
    }
}
